#include "common/text/sentence_splitter.h"

#include "absl/strings/ascii.h"
#include "common/text/utf8.h"
#include "unicode/locid.h"
#include "unicode/unistr.h"
#include "unicode/utext.h"

namespace claims::text {
namespace {

// A word made only of initials: "J.", "J.D.", "U.S.".
bool IsInitials(absl::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (i + 1 >= w.size() || w[i + 1] != '.') return false;
    if (!(w[i] >= 'A' && w[i] <= 'Z')) return false;
  }
  return true;
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::vector<std::string> abbreviations,
                                   std::vector<std::string> closed_class_words) {
  for (auto& a : abbreviations) abbreviations_.insert(std::move(a));
  for (auto& w : closed_class_words) closed_class_words_.insert(std::move(w));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(),
                                                 status));
  if (U_FAILURE(status)) base.reset();
  // No CLDR suppressions: ICU matches them as suffixes of a word, so its
  // "pp." kept "app." and "WhatsApp." from ending a sentence, and its list
  // holds words such as "Act." and "In." ("the Clean Air Act. The law").
  // Our abbreviations are checked on whole words in NoBreakAfter, and
  // initials there too.
  absl::MutexLock lock(&mu_);
  prototype_ = std::move(base);
}

SentenceSplitter::~SentenceSplitter() = default;

std::unique_ptr<icu::BreakIterator> SentenceSplitter::Acquire() const {
  absl::MutexLock lock(&mu_);
  if (!idle_.empty()) {
    std::unique_ptr<icu::BreakIterator> it = std::move(idle_.back());
    idle_.pop_back();
    return it;
  }
  if (!prototype_) return nullptr;
  return std::unique_ptr<icu::BreakIterator>(prototype_->clone());
}

void SentenceSplitter::Release(std::unique_ptr<icu::BreakIterator> it) const {
  if (!it) return;
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(it));
}

bool SentenceSplitter::NoBreakAfter(absl::string_view text, size_t begin,
                                    size_t at) const {
  // The word before the break, without trailing spaces.
  size_t e = at;
  while (e > begin && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  size_t s = e;
  while (s > begin && text[s - 1] != ' ' && text[s - 1] != '\t' &&
         text[s - 1] != '(' && text[s - 1] != '"') {
    --s;
  }
  absl::string_view word = text.substr(s, e - s);
  if (word.empty() || word.back() != '.') return false;
  if (abbreviations_.contains(word)) return true;
  // Initials followed by a capitalised word ("J.D. Vance", "G. Bush").
  if (!IsInitials(word)) return false;
  size_t n = at;
  while (n < text.size() && text[n] == ' ') ++n;
  size_t len;
  if (n >= text.size() || !IsUpper(DecodeAt(text, n, &len))) return false;
  if (word.size() <= 4) return true;
  // Longer initials end sentences mostly as country names ("U.A.E."),
  // before a closed-class word; before a name they open it.
  size_t w = n;
  while (w < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
  return !closed_class_words_.contains(absl::AsciiStrToLower(text.substr(n, w - n)));
}

std::vector<std::pair<size_t, size_t>> SentenceSplitter::Split(
    absl::string_view text, size_t begin, size_t end) const {
  std::vector<std::pair<size_t, size_t>> out;
  if (begin >= end) return out;
  absl::string_view block = text.substr(begin, end - begin);
  std::vector<size_t> breaks;
  if (std::unique_ptr<icu::BreakIterator> it = Acquire()) {
    // Iterating the UTF-8 text itself gives byte offsets (native indexes).
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, block.data(), static_cast<int64_t>(block.size()), &status);
    if (U_SUCCESS(status)) it->setText(&ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
        breaks.push_back(begin + static_cast<size_t>(p));
      }
    }
    utext_close(&ut);
    Release(std::move(it));
  }
  if (breaks.empty() || breaks.back() != end) breaks.push_back(end);

  size_t start = begin;
  for (size_t k = 0; k < breaks.size(); ++k) {
    size_t b = breaks[k];
    if (b != end && NoBreakAfter(text, start, b)) continue;
    size_t s = start, e = b;
    while (s < e) {
      size_t len;
      if (!IsSpace(DecodeAt(text, s, &len))) break;
      s += len;
    }
    while (e > s) {
      size_t len;
      if (!IsSpace(DecodeBefore(text, e, &len))) break;
      e -= len;
    }
    // Bounded work: cut overlong sentences at white space.
    while (e - s > kMaxSentenceBytes) {
      size_t cut = s + kMaxSentenceBytes;
      while (cut > s + kMaxSentenceBytes / 2 && text[cut] != ' ' && text[cut] != '\n') --cut;
      if (text[cut] != ' ' && text[cut] != '\n') {
        // No space: cut at a code point boundary.
        cut = s + kMaxSentenceBytes;
        while (cut > s && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      size_t piece_end = cut;
      while (piece_end > s && text[piece_end - 1] == ' ') --piece_end;
      if (piece_end > s) out.emplace_back(s, piece_end);
      s = cut;
      while (s < e && (text[s] == ' ' || text[s] == '\n')) ++s;
    }
    if (s < e) out.emplace_back(s, e);
    start = b;
  }
  return out;
}

}  // namespace claims::text
