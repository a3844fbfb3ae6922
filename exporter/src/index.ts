// Public API of the exporter package.
export { startExporter, type StartExporterOptions, type RunningExporter } from './startExporter';
export { createExporterApp, type ExporterAppOptions, type ExtraRouter } from './http/app';
export { Exporter, type ExporterOptions } from './exporter';
export { parseConfig, defaultConfigFile, ConfigError, CONFIG_ENV, type ExporterConfig, type Target } from './config/config';
export { loadConfigFile } from './config/configFile';
export { ALL_METRICS, METRIC_NAMES } from './metrics/catalogue';
