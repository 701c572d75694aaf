#include "common/entities/entity_types.h"

namespace claims::entities {

absl::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(absl::string_view name) {
  for (int t = 0; t < kNumEntityTypes; ++t) {
    if (EntityTypeName(static_cast<EntityType>(t)) == name) return static_cast<EntityType>(t);
  }
  return std::nullopt;
}

}  // namespace claims::entities
