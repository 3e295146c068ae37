// Public surface of @pedigree/recording: the one door through which what happens to packs is
// recorded (HTTP steps, commissioning, recalls and scanner scans). Re-exports only.
export {
  CaptureRecorder,
  type CaptureErrorBehaviour,
  type CaptureRequest,
} from './capture-recorder.service';
export { Clock } from './clock';
export {
  COMMISSION_EVENT_SIZE,
  EventRecorder,
  alertsOf,
  type PackStep,
  type RecordedStep,
  type ScanOutcome,
  type ScanStep,
} from './event-recorder.service';
export { parseItems, refuseIfAny, type ItemRef } from './item-code';
export { toView } from './pack-projection';
export { PlaceNames } from './place-names';
export { RecordingError, type RefusedItem } from './recording-error';
export { RecordingModule } from './recording.module';
export { countVerdicts, type VerdictSource } from './verdict-metrics';
