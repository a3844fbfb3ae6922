import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { type DataSourceSettings } from '@grafana/data';
import { testIds } from '../../selectors';
import { type AlphaPulseOptions, type AlphaPulseSecureOptions } from '../../types/config.types';
import { ConfigEditor } from './ConfigEditor';

function settings(patch: Partial<DataSourceSettings<AlphaPulseOptions, AlphaPulseSecureOptions>> = {}) {
  return {
    id: 1,
    uid: 'ap',
    name: 'AlphaPulse',
    type: 'alphapulse-trading-datasource',
    jsonData: {},
    secureJsonFields: {},
    secureJsonData: {},
    ...patch,
  } as unknown as DataSourceSettings<AlphaPulseOptions, AlphaPulseSecureOptions>;
}

test('the API URL goes to jsonData, trimmed', () => {
  const onOptionsChange = jest.fn();
  render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
  const input = screen.getByTestId(testIds.configEditor.apiUrl);
  expect(input).toHaveAttribute('placeholder', 'http://127.0.0.1:9464');
  fireEvent.change(input, { target: { value: ' http://exporter:9464 ' } });
  expect(onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ jsonData: { apiUrl: 'http://exporter:9464' } }));
});

test('the token goes to secureJsonData only', () => {
  const onOptionsChange = jest.fn();
  render(<ConfigEditor options={settings()} onOptionsChange={onOptionsChange} />);
  fireEvent.change(screen.getByPlaceholderText('API token'), { target: { value: 's3cret' } });
  const saved = onOptionsChange.mock.calls[0][0];
  expect(saved.secureJsonData).toEqual({ apiToken: 's3cret' });
  expect(JSON.stringify(saved.jsonData)).not.toContain('s3cret');
});

test('a configured token is shown as configured and can be reset', () => {
  const onOptionsChange = jest.fn();
  render(<ConfigEditor options={settings({ secureJsonFields: { apiToken: true } })} onOptionsChange={onOptionsChange} />);
  expect(screen.getByDisplayValue('configured')).toBeDisabled();
  fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
  expect(onOptionsChange).toHaveBeenCalledWith(
    expect.objectContaining({ secureJsonFields: { apiToken: false }, secureJsonData: { apiToken: '' } })
  );
});

test('an URL without a scheme is flagged', () => {
  render(<ConfigEditor options={settings({ jsonData: { apiUrl: 'exporter:9464' } })} onOptionsChange={jest.fn()} />);
  expect(screen.getByText('Start with http:// or https://')).toBeInTheDocument();
});
