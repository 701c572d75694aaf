#include "common/extract/topics.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/kb/knowledge_base.h"

namespace claims {

std::vector<TopicHit> TopicTagger::Tag(const std::vector<text::Token>& tokens,
                                       size_t max_topics) const {
  // " word word word " with normalized apostrophes, so phrases match on
  // word boundaries.
  std::string text = " ";
  for (const auto& t : tokens) {
    if (!t.is_word && !t.is_number) {
      if (t.possessive) absl::StrAppend(&text, "'s ");
      continue;
    }
    absl::StrAppend(&text,
                    absl::AsciiStrToLower(KnowledgeBase::NormalizeKey(t.text)),
                    " ");
  }
  std::vector<TopicHit> hits;
  for (const auto& rule : taxonomy_.rules()) {
    TopicHit hit;
    hit.topic = rule.topic;
    for (const auto& kw : rule.keywords) {
      if (absl::StrContains(text, absl::StrCat(" ", kw, " "))) {
        if (hit.hits == 0) hit.keyword = kw;
        ++hit.hits;
      }
    }
    if (hit.hits > 0) hits.push_back(std::move(hit));
  }
  // Drop parents of matched children.
  std::vector<TopicHit> out;
  for (const auto& h : hits) {
    bool has_child = std::any_of(hits.begin(), hits.end(), [&](const TopicHit& o) {
      return absl::StartsWith(o.topic, absl::StrCat(h.topic, "/"));
    });
    if (!has_child) out.push_back(h);
  }
  auto depth = [](const std::string& id) {
    return std::count(id.begin(), id.end(), '/');
  };
  std::stable_sort(out.begin(), out.end(), [&](const TopicHit& a, const TopicHit& b) {
    if (depth(a.topic) != depth(b.topic)) return depth(a.topic) > depth(b.topic);
    return a.hits > b.hits;
  });
  if (out.size() > max_topics) out.resize(max_topics);
  return out;
}

}  // namespace claims
