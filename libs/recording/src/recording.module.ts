/** Provides the event door to the apps that record: the HTTP API (and EPCIS capture) and the scanner ingest. */
import { Module } from '@nestjs/common';
import { CaptureRecorder } from './capture-recorder.service';
import { Clock } from './clock';
import { EventRecorder } from './event-recorder.service';
import { PackResolver } from './pack-resolver';
import { PlaceNames } from './place-names';

@Module({
  providers: [Clock, EventRecorder, CaptureRecorder, PackResolver, PlaceNames],
  exports: [Clock, EventRecorder, CaptureRecorder, PackResolver, PlaceNames],
})
export class RecordingModule {}
