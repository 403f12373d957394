// Who holds roles in an organisation or state
// name: role-holders
// description: People holding a role in an organisation or state, optionally only a given title ("who heads Roscosmos").
// param organization: string - part of the organisation's or state's name or alias, e.g. Roscosmos
// param title: string? - part of the title, e.g. minister or director
// example: kg ask role-holders --param organization=Roscosmos
// example: kg ask role-holders --param organization=Russia --param title=minister
MATCH (o)
WHERE (o.lookup CONTAINS toLower($organization) OR o.id = $organization) AND (o:Organization OR o:State)
MATCH (p:Person)-[r:HOLDS_ROLE]->(o)
WHERE $title IS NULL OR toLower(r.title) CONTAINS toLower($title)
RETURN o.name AS organization, r.title AS title, p.name AS person, size(r.sources) AS reports
ORDER BY organization, title, person
LIMIT $limit
