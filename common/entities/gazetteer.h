// Gazetteer: marks the word ranges of a sentence that a knowledge source
// knows as names of people, organisations, places, ... The entity tagger
// reads the marks as features; it still decides the types itself.
//
// Implementations must be thread-safe for concurrent Annotate calls.
#ifndef CLAIMS_COMMON_ENTITIES_GAZETTEER_H_
#define CLAIMS_COMMON_ENTITIES_GAZETTEER_H_

#include <string>
#include <vector>

#include "common/entities/entity_types.h"
#include "common/kb/knowledge_base.h"

namespace claims::entities {

class Gazetteer {
 public:
  virtual ~Gazetteer() = default;
  // Fills hits->at(i) for every word i of `words` (resized to fit).
  virtual void Annotate(const std::vector<std::string>& words, GazetteerHits* hits) const = 0;
};

// The knowledge base as a gazetteer: at every word, the longest alias or
// title that starts there (exact case, or case-folded in all-caps text).
class KbGazetteer final : public Gazetteer {
 public:
  // `kb` (immutable after Load) must outlive the gazetteer.
  explicit KbGazetteer(const KnowledgeBase& kb);
  void Annotate(const std::vector<std::string>& words, GazetteerHits* hits) const override;

 private:
  GazetteerKind KindOf(const AliasMatch& match) const;
  const KnowledgeBase& kb_;
  // By actor index: the kind its name marks, found once (an alias such as
  // a common surname matches dozens of actors, each a few string
  // comparisons of its kind).
  std::vector<GazetteerKind> actor_kinds_;
};

}  // namespace claims::entities

#endif  // CLAIMS_COMMON_ENTITIES_GAZETTEER_H_
