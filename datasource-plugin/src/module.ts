import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import { type AlphaPulseOptions, type AlphaPulseSecureOptions } from './types/config.types';
import { type AlphaPulseQuery } from './types/query.types';

export const plugin = new DataSourcePlugin<DataSource, AlphaPulseQuery, AlphaPulseOptions, AlphaPulseSecureOptions>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
