export { MqttConnection, type MqttConnectionOptions } from './mqtt-connection';
