import { useSearchParams } from 'react-router-dom';
import { completeTokenSchema } from '../../../shared/schemas/auth.js';

/** The token of a mailed link, or null when the address has none that could be valid. */
export function useLinkToken(): string | null {
  const [params] = useSearchParams();
  const token = params.get('token');
  return completeTokenSchema.shape.token.safeParse(token).success ? token : null;
}
