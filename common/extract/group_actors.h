// Group actors: the stage after mention finding that reads common nouns
// naming a sector of a country collectively ("protesters", "the police",
// "French farmers", "hospitals in Birmingham", "officials said") as mentions
// of an actor, so that the claims they make have a subject.
//
//   ASSIGN_OR_RETURN(auto groups, GroupActorFinder::Load("knowledge/extract", kb));
//   MentionResult mentions = finder.Find(body, sentences, date, authors);
//   groups->Find(sentences, &mentions);
//   // "Farmers in Punjab have started planting" -> a mention "Farmers" of
//   // the actor IND-agriculture ("Agriculture (India)"), is_name = false,
//   // evidence "group:farmer@IND"
//
// The nouns and their sectors are knowledge/extract/group_nouns.tsv. The
// country is the one the noun phrase names (a demonym, a possessor, a place
// after "in"/"from"/"of"), else the article's country of focus. The
// "government" sector is the country's own actor (nothing without a
// country). Other sectors are actors "<ISO3>-<sector>" ("<sector>" when no
// country is known) of the GROUP or ORGANIZATION type, with the country and
// the sector as role; they are never names, so they never become global
// aliases.
//
// Immutable after Load; Find is const and thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_GROUP_ACTORS_H_
#define CLAIMS_COMMON_EXTRACT_GROUP_ACTORS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/mentions.h"
#include "common/kb/knowledge_base.h"

namespace claims {

// One row of group_nouns.tsv.
struct GroupNoun {
  std::string sector;  // "government", "police", "labour", ...
  claims::v1::ActorType type = claims::v1::GROUP;
  bool plural_only = false;
  bool definite_singular = false;  // the singular only after "the" or a possessor
  bool singular_only = false;      // "singular": as definite, and never the plural
};

class GroupActorFinder {
 public:
  // Reads `dir`/group_nouns.tsv; INVALID_ARGUMENT "file:line: reason" for a
  // malformed row, NOT_FOUND when the file is missing. `kb` must outlive
  // the finder.
  static absl::StatusOr<std::unique_ptr<GroupActorFinder>> Load(const std::string& dir,
                                                                 const KnowledgeBase& kb);

  // Adds to `result` a mention (and, when new, an actor) for each group
  // noun of `sentences` that no mention covers yet; result->mentions stays
  // in text order. Existing mentions and actors are never changed.
  void Find(const std::vector<SentenceTokens>& sentences, MentionResult* result) const;

  const GroupNoun* Lookup(const std::string& lemma) const;

 private:
  explicit GroupActorFinder(const KnowledgeBase& kb) : kb_(kb) {}

  const KnowledgeBase& kb_;
  absl::flat_hash_map<std::string, GroupNoun> nouns_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_GROUP_ACTORS_H_
