import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addAgentKey,
  createAgent,
  deleteAgent,
  deleteAgentKey,
  setAgentConnectivity,
} from '@/api/agents';
import { agentQueries } from '@/api/queries/agents';
import { byPrefix } from '@/api/queries/keys';
import { checkPublicKey, type KeyCheck } from './key-check';

/** The organisation's agents with status, keys and dependants (polled every 30 s). */
export const useAgentOverview = (orgId: string) =>
  useQuery(agentQueries.overview(orgId));

/** Registering, deleting, cutting off and the two steps of a key rotation; each refreshes the overview. */
export function useAgentChanges(orgId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries(byPrefix.agents(orgId));
  return {
    register: useMutation({
      meta: { silent: true }, // the form shows the refusal in place
      mutationFn: (v: { id: string; publicKey: string; description: string }) =>
        createAgent(orgId, {
          id: v.id,
          public_key: v.publicKey,
          ...(v.description ? { description: v.description } : {}),
        }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (agentId: string) => deleteAgent(orgId, agentId),
      onSuccess,
    }),
    addKey: useMutation({
      meta: { silent: true }, // the rotation shows the refusal in place
      mutationFn: (v: { agentId: string; pem: string }) =>
        addAgentKey(orgId, v.agentId, v.pem),
      onSuccess,
    }),
    deleteKey: useMutation({
      mutationFn: (v: { agentId: string; fingerprint: string }) =>
        deleteAgentKey(orgId, v.agentId, v.fingerprint),
      onSuccess,
    }),
    connectivity: useMutation({
      mutationFn: (v: { agentId: string; connected: boolean }) =>
        setAgentConnectivity(orgId, v.agentId, v.connected),
      onSuccess,
    }),
  };
}

/** The verdict on a pasted key, checked in the browser as it is typed (undefined while checking or empty). */
export function useKeyCheck(text: string): KeyCheck | undefined {
  const [check, setCheck] = useState<{ text: string; result: KeyCheck }>();
  useEffect(() => {
    let current = true;
    if (text.trim() === '') return;
    void checkPublicKey(text).then((result) => {
      if (current) setCheck({ text, result });
    });
    return () => {
      current = false;
    };
  }, [text]);
  return check && check.text === text && text.trim() !== ''
    ? check.result
    : undefined;
}
