export { DeviceLink, type DeviceLinkOptions } from './device-link';
export { Outbox } from './outbox';
