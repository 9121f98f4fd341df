// The name of the configuration file at the records root, alone in a module so that the edge can find a root (and a
// warm run answer from the cache) without loading the record model, its schemas or the YAML reader.
export const CONFIG_FILE = 'acta.yaml';
