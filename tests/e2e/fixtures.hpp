// Configuration snippets shared by several end-to-end tests.
#pragma once

namespace e2e {

// Three tiers, a supplier, technicians with skills, capacities and one away.
inline constexpr const char* kTeams = R"toml(
[teams.service-desk]
tier = 1
members = ["alice", "bob", "carol"]
manager = "dave"
escalates_to = "second-line"
strategy = "least-loaded"

[teams.second-line]
tier = 2
members = ["erin", "frank"]
escalates_to = "third-line"
strategy = "round-robin"

[teams.third-line]
tier = 3
members = ["grace", "heidi"]
strategy = "skills"

[teams.acme]
supplier = true
contact = "support@acme.example"
ref_format = "ACME-[0-9]+"

[technicians.alice]
name = "Alice Smith"
skills = ["hardware"]
capacity = 2

[technicians.bob]
capacity = 2

[technicians.carol]
away = true

[technicians.grace]
skills = ["network"]

[technicians.heidi]
skills = ["software"]

[[routing]]
match = { category = "network" }
team = "second-line"
)toml";

}  // namespace e2e
