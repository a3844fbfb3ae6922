import { plugin } from './module';
import { defaultOptions } from './types';

describe('plugin options', () => {
  it('registers an editor with the documented default for every option', () => {
    const builder = (
      plugin as unknown as { getPanelOptionsSupplier: () => (b: unknown) => void }
    ).getPanelOptionsSupplier();
    const registered: Array<{ path: string; defaultValue: unknown }> = [];
    const fake: Record<string, unknown> = {};
    for (const method of [
      'addRadio',
      'addTextInput',
      'addCustomEditor',
      'addSliderInput',
      'addBooleanSwitch',
      'addNumberInput',
      'addColorPicker',
    ]) {
      fake[method] = (config: { path: string; defaultValue: unknown }) => {
        registered.push(config);
        return fake;
      };
    }
    builder(fake);
    const paths = registered.map((option) => option.path);
    const expected = Object.keys(defaultOptions).flatMap((key) =>
      key === 'queries' ? Object.keys(defaultOptions.queries).map((query) => `queries.${query}`) : [key]
    );
    expect(paths.sort()).toEqual(expected.sort());
    for (const option of registered) {
      const value = option.path
        .split('.')
        .reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], defaultOptions);
      expect(option.defaultValue).toEqual(value);
    }
  });
});
