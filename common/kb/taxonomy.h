// Taxonomy: the hierarchical topic ids ("conflict/ceasefire"), their labels,
// IPTC Media Topic codes and the rules that assign them.
//
// Loaded from a JSON-lines file (knowledge/taxonomy/topics.jsonl); an operator
// replaces or extends it with a file. A topic's parent is its id up to the
// last '/'.
#ifndef CLAIMS_COMMON_KB_TAXONOMY_H_
#define CLAIMS_COMMON_KB_TAXONOMY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims {

class Taxonomy {
 public:
  // INVALID_ARGUMENT naming file and line for a malformed entry.
  static absl::StatusOr<std::unique_ptr<Taxonomy>> LoadFromFile(
      const std::string& path);

  // Every topic (without counts), parents before children.
  const std::vector<claims::v1::Topic>& topics() const { return topics_; }

  // True if `id` is a known topic id.
  bool Contains(std::string_view id) const;

  // Implementation detail of the extractor's topic rules lives in
  // common/extract; this class only owns the data.
  struct Rule {
    std::string topic;
    std::vector<std::string> keywords;  // lower-case words or phrases
  };
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<claims::v1::Topic> topics_;
  std::vector<Rule> rules_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_KB_TAXONOMY_H_
