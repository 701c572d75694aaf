// Taxonomy: the hierarchical topic ids ("conflict/ceasefire"), their labels,
// definitions, IPTC Media Topic codes, former ids (aliases) and simple
// keyword cues.
//
// Loaded from a JSON-lines file (knowledge/taxonomy/topics.jsonl, format in
// knowledge/README.md); an operator replaces it with a file, or extends it
// with a second file whose lines add topics or add keywords and aliases to
// known ones. A topic's parent is its id up to the last '/', and a parent
// comes before its children.
//
// Immutable after loading: every method is const and thread-safe.
#ifndef CLAIMS_COMMON_KB_TAXONOMY_H_
#define CLAIMS_COMMON_KB_TAXONOMY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims {

class Taxonomy {
 public:
  // INVALID_ARGUMENT naming file and line for a malformed entry (bad id,
  // duplicate id, child before parent, parent field that is not the id's
  // prefix, alias that is already an id or another topic's alias).
  // `extra_path`, when not empty, is read after `path`: a line with a known
  // id adds its keywords and aliases to that topic, a new id adds a topic.
  static absl::StatusOr<std::unique_ptr<Taxonomy>> LoadFromFile(
      const std::string& path, const std::string& extra_path = "");

  // Every topic (without counts), parents before children.
  const std::vector<claims::v1::Topic>& topics() const { return topics_; }

  // True if `id` is a known topic id (not an alias).
  bool Contains(std::string_view id) const;

  // The topic with id `id`, or nullptr.
  const claims::v1::Topic* Find(std::string_view id) const;

  // `id` if it is a topic id; the topic an alias names ("economy/labour" ->
  // "labour"); else "".
  std::string Canonical(std::string_view id) const;

  // The ids a query for `id` must match in stored claims, besides the
  // descendants of each (which the claim index covers): `id` itself, the
  // topic it is an alias of, and every alias of that topic or of one of its
  // descendants (claims stored before the ids changed carry those). Empty
  // for an unknown id.
  std::vector<std::string> QueryIds(std::string_view id) const;

  // The top-level topic of `id` ("conflict" for "conflict/ceasefire").
  static std::string_view TopLevel(std::string_view id);

  // True if `ancestor` is `id` or one of its ancestors on '/' boundaries.
  static bool IsSelfOrAncestor(std::string_view ancestor, std::string_view id);

  // Simple keyword cues of each topic (lower-case words or phrases).
  struct Rule {
    std::string topic;
    std::vector<std::string> keywords;
  };
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  absl::Status AddFile(const std::string& path, bool extending);

  std::vector<claims::v1::Topic> topics_;
  absl::flat_hash_map<std::string, size_t> index_;    // id -> topics_ index
  absl::flat_hash_map<std::string, std::string> alias_to_id_;
  std::vector<Rule> rules_;                           // parallel to topics_
};

}  // namespace claims

#endif  // CLAIMS_COMMON_KB_TAXONOMY_H_
