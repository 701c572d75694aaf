// Typed values of the entity stage: entity types, token spans, and the
// gazetteer evidence the entity tagger uses as features.
#ifndef CLAIMS_COMMON_ENTITIES_ENTITY_TYPES_H_
#define CLAIMS_COMMON_ENTITIES_ENTITY_TYPES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace claims::entities {

// The CoNLL-2003 types: persons, organisations, locations and other names
// (nationalities, events, products), which are not actors.
enum class EntityType : uint8_t { kPerson, kOrganization, kLocation, kMisc };
constexpr int kNumEntityTypes = 4;

absl::string_view EntityTypeName(EntityType type);  // "PER", "ORG", "LOC", "MISC"
std::optional<EntityType> ParseEntityType(absl::string_view name);

// Words [begin, end) of one sentence.
struct EntitySpan {
  int begin = 0;
  int end = 0;
  EntityType type = EntityType::kMisc;
  bool operator==(const EntitySpan& o) const {
    return begin == o.begin && end == o.end && type == o.type;
  }
};

// What a knowledge source says a word range could be. Several hits may
// cover one word ("Georgia": country and US state).
enum class GazetteerKind : uint8_t {
  kPerson, kOrganisation, kParty, kCountry, kRegion, kPlace, kDemonym,
  kGroupName, kTitle, kOther,
};
constexpr int kNumGazetteerKinds = 10;

// Where a word sits in a matched range: Unit, Begin, Inside, Last.
enum class SpanPosition : uint8_t { kUnit, kBegin, kInside, kLast };

struct GazetteerHit {
  GazetteerKind kind;
  SpanPosition position;
};

// Per word of a sentence, the hits covering it.
using GazetteerHits = std::vector<std::vector<GazetteerHit>>;

}  // namespace claims::entities

#endif  // CLAIMS_COMMON_ENTITIES_ENTITY_TYPES_H_
