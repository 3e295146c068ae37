export { DeviceLink, type DeviceLinkOptions } from './device-link';
export { Outbox } from './outbox';
export { Fleet, type FleetOptions, type FleetProgress } from './fleet';
export {
  buildWorld,
  platformClient,
  type CastMember,
  type World,
  type WorldCast,
  type WorldShape,
} from './fleet-world';
export { GS_SUBSTITUTE, describeVerdict, wedgeLine } from './wedge';
