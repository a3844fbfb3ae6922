import React, { type ChangeEvent } from 'react';
import { type DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { InlineField, Input, SecretInput, Stack } from '@grafana/ui';
import { DEFAULT_HOST, DEFAULT_PORTS } from '@alphapulse/contracts/constants';
import { testIds } from '../../selectors';
import { type AlphaPulseOptions, type AlphaPulseSecureOptions } from '../../types/config.types';

type Props = DataSourcePluginOptionsEditorProps<AlphaPulseOptions, AlphaPulseSecureOptions>;

export const DEFAULT_API_URL = `http://${DEFAULT_HOST}:${DEFAULT_PORTS.exporter}`;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const { jsonData, secureJsonFields, secureJsonData } = options;

  const onApiUrlChange = (event: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, apiUrl: event.target.value.trim() } });

  // The token goes to secureJsonData: Grafana stores it encrypted and never sends it back to the browser.
  const onTokenChange = (event: ChangeEvent<HTMLInputElement>) =>
    onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, apiToken: event.target.value } });

  const onTokenReset = () =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureJsonFields, apiToken: false },
      secureJsonData: { ...secureJsonData, apiToken: '' },
    });

  return (
    <Stack direction="column" gap={1}>
      <InlineField
        label="API URL"
        labelWidth={16}
        tooltip="Base URL of the AlphaPulse exporter, e.g. http://127.0.0.1:9464; queries go to <URL>/api/v1 through Grafana's proxy"
        invalid={!!jsonData.apiUrl && !/^https?:\/\//.test(jsonData.apiUrl)}
        error="Start with http:// or https://"
      >
        <Input
          id="alphapulse-api-url"
          data-testid={testIds.configEditor.apiUrl}
          value={jsonData.apiUrl ?? ''}
          placeholder={DEFAULT_API_URL}
          width={40}
          onChange={onApiUrlChange}
        />
      </InlineField>
      <InlineField label="API token" labelWidth={16} tooltip="ALPHAPULSE_API_TOKEN of the exporter; stored encrypted, sent by Grafana's proxy only">
        <SecretInput
          id="alphapulse-api-token"
          data-testid={testIds.configEditor.apiToken}
          isConfigured={!!secureJsonFields?.apiToken}
          value={secureJsonData?.apiToken ?? ''}
          placeholder="API token"
          width={40}
          onReset={onTokenReset}
          onChange={onTokenChange}
        />
      </InlineField>
    </Stack>
  );
}
