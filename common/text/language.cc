#include "common/text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <climits>

#include "absl/strings/ascii.h"

namespace claims::text {

DetectedLanguage DetectLanguage(absl::string_view text) {
  // CLD2 scores a bounded prefix well enough, and its int lengths must not
  // overflow.
  constexpr size_t kMaxScanned = 1 << 20;
  const int length = static_cast<int>(std::min(text.size(), kMaxScanned));
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language language = CLD2::DetectLanguageSummary(
      text.data(), length, /*is_plain_text=*/true, top3, percent3, &text_bytes,
      &reliable);
  DetectedLanguage detected;
  // CLD2 answers English for text without letters; nothing was scored.
  if (language == CLD2::UNKNOWN_LANGUAGE || text_bytes == 0) return detected;
  detected.code = CLD2::LanguageCode(language);
  std::string name = absl::AsciiStrToLower(CLD2::LanguageName(language));
  if (!name.empty()) name[0] = absl::ascii_toupper(name[0]);
  detected.name = std::move(name);
  detected.reliable = reliable;
  detected.percent = top3[0] == language ? percent3[0] : 0;
  return detected;
}

}  // namespace claims::text
