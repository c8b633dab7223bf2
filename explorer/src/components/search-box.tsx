import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { graphql } from '../api/client';
import { QUERIES } from '../api';
import type { NodeRef, SearchHit, SearchResult } from '../api/types';
import { typeLabel } from '../lib/i18n';
import { useRouter } from '../router';
import { entityLabel, TYPE_COLOURS } from './entity-label';
import { Snippet } from './snippet';

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 150;

/** Hits grouped by type, the groups in the order of their best hit. */
export function groupByType<T extends { entity: NodeRef }>(hits: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const hit of hits) {
    const type = hit.entity.__typename;
    groups.set(type, [...(groups.get(type) ?? []), hit]);
  }
  return [...groups.entries()];
}

/**
 * A search field with suggestions as you type (ARIA combobox with a grouped listbox): arrow keys
 * move through the suggestions, Enter opens the active one or submits the text, Escape closes.
 */
export function SearchBox({
  label,
  placeholder,
  types,
  initial = '',
  onPick,
  onSubmit,
  submitLabel,
  clearOnPick = false,
}: {
  label: string;
  placeholder?: string;
  types?: string[];
  initial?: string;
  onPick(entity: NodeRef): void;
  onSubmit?(text: string): void;
  submitLabel?: string;
  clearOnPick?: boolean;
}) {
  const { route, t } = useRouter();
  const { lang } = route.view;
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initial);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setText(initial), [initial]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      setHits([]);
      setSearched('');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      graphql<SearchResult>(
        QUERIES.SEARCH,
        { text: trimmed, types: types && types.length > 0 ? types : null, first: SUGGESTIONS },
        controller.signal,
      ).then(
        (data) => {
          setHits(data.search.hits);
          setSearched(trimmed);
          setActive(-1);
        },
        () => {
          // A half-typed query the API refuses (too many words) just shows no suggestions.
          if (!controller.signal.aborted) setHits([]);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, types]);

  const groups = useMemo(() => groupByType(hits), [hits]);
  const flat = useMemo(() => groups.flatMap(([, g]) => g), [groups]);
  const expanded = open && text.trim().length > 0 && searched.length > 0;

  const pick = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    if (clearOnPick) setText('');
    onPick(hit.entity);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (flat.length === 0 ? -1 : (a + 1) % flat.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (flat.length === 0 ? -1 : a <= 0 ? flat.length - 1 : a - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = expanded && active >= 0 ? flat[active] : undefined;
      if (hit) {
        pick(hit);
      } else if (onSubmit && text.trim()) {
        setOpen(false);
        onSubmit(text.trim());
      }
    }
  };

  let index = -1;
  return (
    <div className="search-box">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="search-row">
        <div className="combobox">
          <input
            ref={input}
            id={`${id}-input`}
            type="search"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
            placeholder={placeholder}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <div
            id={listId}
            role="listbox"
            aria-label={t('suggestions')}
            className="suggestions"
            hidden={!expanded}
          >
            {flat.length === 0 && <div className="no-suggestions">{t('noSuggestions')}</div>}
            {groups.map(([type, group]) => (
              <div role="group" key={type} aria-labelledby={`${id}-group-${type}`}>
                <div className="group-label" id={`${id}-group-${type}`} role="presentation">
                  <span
                    className="swatch"
                    style={{ background: TYPE_COLOURS[type] ?? '#666' }}
                    aria-hidden
                  />
                  {typeLabel(lang, type)}
                </div>
                {group.map((hit) => {
                  index++;
                  const i = index;
                  return (
                    <div
                      key={hit.entity.id}
                      id={`${id}-opt-${i}`}
                      role="option"
                      aria-selected={i === active}
                      className={i === active ? 'option active' : 'option'}
                      // mousedown keeps the focus in the field until the pick is done.
                      onMouseDown={(e) => {
                        e.preventDefault();
                        pick(hit);
                      }}
                      onMouseEnter={() => setActive(i)}
                    >
                      <span className="option-label">{entityLabel(hit.entity, lang)}</span>
                      {hit.snippet && (
                        <span className="option-snippet">
                          <Snippet text={hit.snippet} />
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
        {onSubmit && (
          <button
            type="button"
            onClick={() => {
              if (text.trim()) onSubmit(text.trim());
            }}
          >
            {submitLabel ?? t('searchButton')}
          </button>
        )}
      </div>
    </div>
  );
}
