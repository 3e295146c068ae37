/** The time events are recorded at; tests replace it to step through the 10-day undo window. */
import { Injectable } from '@nestjs/common';

@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
