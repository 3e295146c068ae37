/** Provides the event door to the apps that record: the HTTP API and the scanner ingest. */
import { Module } from '@nestjs/common';
import { Clock } from './clock';
import { EventRecorder } from './event-recorder.service';
import { PackResolver } from './pack-resolver';

@Module({
  providers: [Clock, EventRecorder, PackResolver],
  exports: [Clock, EventRecorder, PackResolver],
})
export class RecordingModule {}
