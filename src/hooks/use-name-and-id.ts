import { useState } from 'react';
import { idFromName } from '@/lib/ids';

/** A name and the id made from it until the user types an id of their own (New application, New environment). */
export function useNameAndId() {
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string>();
  return {
    name,
    setName,
    id: typedId ?? idFromName(name),
    setId: setTypedId,
    /** Whether the user typed an id of their own (its problems are said at once then). */
    ownId: typedId !== undefined && typedId !== '',
    reset: () => {
      setName('');
      setTypedId(undefined);
    },
  };
}
