// Vessels that called at a port
// name: vessels
// description: Ships that called at a port (or any port), when, their flag and owner, and who sanctioned or seized them.
// param port: string? - part of the port's name or alias, e.g. Vostochny
// example: kg ask vessels --param port=Vostochny
MATCH (v:Vessel)
OPTIONAL MATCH (v)-[c:CALLED_AT]->(p:Place)
WITH v, c, p
WHERE $port IS NULL OR (p IS NOT NULL AND (p.lookup CONTAINS toLower($port) OR p.id = $port))
WITH v, c, p
ORDER BY v.name, c.start
LIMIT $limit
OPTIONAL MATCH (v)-[:FLAGGED_IN]->(flag:State)
OPTIONAL MATCH (v)-[:OWNED_BY]->(owner:Organization)
OPTIONAL MATCH (by)-[s:SANCTIONED|SEIZED]->(v)
RETURN v.name AS vessel, v.imo AS imo, p.name AS port, c.start AS called, collect(DISTINCT flag.name) AS flag,
       collect(DISTINCT owner.name) AS owner, collect(DISTINCT type(s) + ' by ' + by.name) AS actions
ORDER BY vessel, called
