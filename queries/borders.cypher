// What a place or state borders
// name: borders
// description: Places and states that border the one named, in either direction, with where each lies.
// param place: string - part of the place's or state's name or alias, e.g. "Primorsky"
// example: kg ask borders --param place=Primorsky
MATCH (a)
WHERE (a.lookup CONTAINS toLower($place) OR a.id = $place) AND (a:Place OR a:State)
MATCH (a)-[r:BORDERS]-(b)
RETURN DISTINCT a.name AS place, b.name AS borders, labels(b)[0] AS kind, b.country AS in_state,
       size(r.sources) AS reports
ORDER BY place, borders
LIMIT $limit
