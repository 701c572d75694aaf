#include "common/learn/features.h"

#include <algorithm>

namespace claims::learn {

uint64_t HashString(absl::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return HashCombine(h, text.size());
}

void FeatureVector::Grow() { keys_.resize(std::max<size_t>(64, 2 * keys_.size())); }

}  // namespace claims::learn
