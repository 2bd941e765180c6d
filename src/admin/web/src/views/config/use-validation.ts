import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { adminApi } from '../../api/admin-api';
import type { ConfigFormat } from '../../api/types';

/** The server's verdict on the content as typed (what publish would refuse), a moment after typing stops. */
export function useValidation(format: ConfigFormat, content: string) {
  const [settled, setSettled] = useState({ format, content });
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ format, content }), 300);
    return () => clearTimeout(timer);
  }, [format, content]);
  const verdict = useQuery({
    queryKey: ['config-validation', settled.format, settled.content],
    queryFn: () => adminApi.validateConfig(settled.format, settled.content),
    staleTime: Infinity,
  });
  const current = settled.format === format && settled.content === content;
  return { checking: !current || verdict.isPending, problem: verdict.data?.problem ?? null };
}
