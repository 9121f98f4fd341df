// The only place that reads the real date. Everything else takes `asOf` as an input.
import { format } from 'date-fns/format';

export function today(): string {
  return format(new Date(), 'yyyy-MM-dd');
}
