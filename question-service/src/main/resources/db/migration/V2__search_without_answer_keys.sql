-- Search is open to candidates, so it no longer indexes answer keys (rubric labels and synonyms,
-- scenario steps): which items match a query would tell what their keys say. Rebuild the detail text
-- of stored items as ItemContent.detailText() now builds it; the search vector follows (generated).
UPDATE item SET detail_text = concat_ws(E'\n',
    content ->> 'definition',
    content ->> 'example',
    (SELECT string_agg(v, E'\n' ORDER BY n) FROM jsonb_array_elements_text(content -> 'collocations') WITH ORDINALITY AS c (v, n)),
    (SELECT string_agg(o ->> 'text', E'\n' ORDER BY n) FROM jsonb_array_elements(content -> 'options') WITH ORDINALITY AS x (o, n)),
    content ->> 'saidAs',
    (SELECT string_agg(v, E'\n' ORDER BY n) FROM jsonb_array_elements_text(content -> 'spokenForms') WITH ORDINALITY AS s (v, n)));
