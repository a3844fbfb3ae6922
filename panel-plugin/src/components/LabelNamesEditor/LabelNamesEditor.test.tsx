import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { StandardEditorProps } from '@grafana/data';
import { defaultOptions, type LabelNames } from '../../types';
import { LabelNamesEditor } from './LabelNamesEditor';

describe('LabelNamesEditor', () => {
  const setup = () => {
    const onChange = jest.fn();
    render(
      <LabelNamesEditor
        {...({
          value: defaultOptions.labels,
          onChange,
          item: {},
          context: { data: [] },
        } as unknown as StandardEditorProps<LabelNames>)}
      />
    );
    return onChange;
  };

  it('shows the four label names', () => {
    setup();
    expect(screen.getByLabelText('Service')).toHaveValue('service');
    expect(screen.getByLabelText('Dependency')).toHaveValue('dependency');
    expect(screen.getByLabelText('Status')).toHaveValue('status');
    expect(screen.getByLabelText('Instance')).toHaveValue('instance');
  });

  it('changes one label and keeps the others', () => {
    const onChange = setup();
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'job' } });
    expect(onChange).toHaveBeenCalledWith({ ...defaultOptions.labels, service: 'job' });
  });

  it('falls back to the default name when cleared', () => {
    const onChange = setup();
    fireEvent.change(screen.getByLabelText('Dependency'), { target: { value: '  ' } });
    expect(onChange).toHaveBeenCalledWith({ ...defaultOptions.labels, dependency: 'dependency' });
  });
});
