#include "common/entities/gazetteer.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claims::entities {
namespace {

void Mark(int begin, int end, GazetteerKind kind, GazetteerHits* hits) {
  for (int i = begin; i < end; ++i) {
    const SpanPosition pos = end - begin == 1 ? SpanPosition::kUnit
                             : i == begin     ? SpanPosition::kBegin
                             : i + 1 == end   ? SpanPosition::kLast
                                              : SpanPosition::kInside;
    std::vector<GazetteerHit>& at = (*hits)[i];
    const bool seen = std::any_of(at.begin(), at.end(), [&](const GazetteerHit& h) {
      return h.kind == kind && h.position == pos;
    });
    if (!seen) at.push_back(GazetteerHit{kind, pos});
  }
}

// The kind of gazetteer mark a name of this actor makes.
GazetteerKind ActorKind(const KbActor& actor) {
  if (actor.kind == "person") return GazetteerKind::kPerson;
  if (actor.kind == "party") return GazetteerKind::kParty;
  if (actor.kind == "country") return GazetteerKind::kCountry;
  if (actor.kind == "region") return GazetteerKind::kRegion;
  if (actor.kind == "place" || actor.kind == "city") return GazetteerKind::kPlace;
  if (actor.type == claims::v1::ORGANIZATION) return GazetteerKind::kOrganisation;
  if (actor.type == claims::v1::LOCATION) return GazetteerKind::kPlace;
  if (actor.type == claims::v1::PERSON) return GazetteerKind::kPerson;
  return GazetteerKind::kOther;
}

}  // namespace

KbGazetteer::KbGazetteer(const KnowledgeBase& kb) : kb_(kb) {
  actor_kinds_.reserve(kb_.actors().size());
  for (const KbActor& actor : kb_.actors()) actor_kinds_.push_back(ActorKind(actor));
}

GazetteerKind KbGazetteer::KindOf(const AliasMatch& match) const {
  if (match.kind == AliasKind::kDemonym) return GazetteerKind::kDemonym;
  if (match.kind == AliasKind::kGroupName) return GazetteerKind::kGroupName;
  return actor_kinds_[match.actor];
}

void KbGazetteer::Annotate(const std::vector<std::string>& words,
                           GazetteerHits* hits) const {
  const int n = static_cast<int>(words.size());
  hits->assign(n, {});
  for (int i = 0; i < n; ++i) {
    const KnowledgeBase::WordsFrom most = kb_.MaxWordsFrom(words[i]);
    const int longest = std::min(std::max(most.alias, most.title), n - i);
    std::string surface;
    int matched_title = 0;
    for (int len = 1; len <= longest; ++len) {
      absl::StrAppend(&surface, len > 1 ? " " : "", words[i + len - 1]);
      if (len <= most.alias) {
        const std::vector<AliasMatch>* found = kb_.Find(surface);
        if (found == nullptr) found = kb_.FindFolded(surface);
        if (found != nullptr) {
          for (const AliasMatch& m : *found) Mark(i, i + len, KindOf(m), hits);
        }
      }
      if (len <= most.title && kb_.FindTitle(surface) != nullptr) matched_title = len;
    }
    if (matched_title > 0) Mark(i, i + matched_title, GazetteerKind::kTitle, hits);
  }
}

}  // namespace claims::entities
