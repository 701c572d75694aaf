#include "common/syntax/syntax_types.h"

#include <array>

namespace claims::syntax {
namespace {

#define CLAIMS_NAME_(name, text) text,
constexpr std::array kUposNames = {CLAIMS_UPOS_LIST(CLAIMS_NAME_)};
constexpr std::array kDepRelNames = {CLAIMS_DEPREL_LIST(CLAIMS_NAME_)};
#undef CLAIMS_NAME_

}  // namespace

absl::string_view UposName(Upos tag) {
  return kUposNames[static_cast<size_t>(tag)];
}

std::optional<Upos> ParseUpos(absl::string_view text) {
  for (size_t i = 0; i < kUposNames.size(); ++i) {
    if (text == kUposNames[i]) return static_cast<Upos>(i);
  }
  return std::nullopt;
}

absl::string_view DepRelName(DepRel rel) {
  return kDepRelNames[static_cast<size_t>(rel)];
}

std::optional<DepRel> ParseDepRel(absl::string_view text) {
  for (size_t i = 0; i < kDepRelNames.size(); ++i) {
    if (text == kDepRelNames[i]) return static_cast<DepRel>(i);
  }
  const size_t colon = text.find(':');
  if (colon == absl::string_view::npos) return std::nullopt;
  return ParseDepRel(text.substr(0, colon));
}

DepRel BaseRel(DepRel rel) {
  const absl::string_view name = DepRelName(rel);
  const size_t colon = name.find(':');
  if (colon == absl::string_view::npos) return rel;
  return *ParseDepRel(name.substr(0, colon));
}

bool IsFiniteTag(absl::string_view xpos) {
  return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" || xpos == "MD";
}

bool IsQuotationMark(absl::string_view form) {
  return form == "\"" || form == "\xE2\x80\x9C" || form == "\xE2\x80\x9D" || form == "``" ||
         form == "''";
}

}  // namespace claims::syntax
