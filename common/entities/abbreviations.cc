#include "common/entities/abbreviations.h"

#include <algorithm>
#include <string>

#include "common/text/utf8.h"

namespace claims::entities {
namespace {

// Short forms are 2-10 characters with at least two capitals: "HPFA",
// "PDI-P", "BoE"; not "Fed" (one capital could be any bracketed word).
constexpr size_t kMaxShortForm = 10;

std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0, len = 0; i < s.size(); i += len) out.push_back(text::DecodeAt(s, i, &len));
  return out;
}

bool IsAlnum(char32_t c) { return text::IsLetter(c) || text::IsDigit(c); }

char32_t FoldAscii(char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool Capitalised(const std::string& form) {
  const std::vector<char32_t> cps = CodePoints(form);
  return !cps.empty() && text::IsUpper(cps[0]);
}

bool HasAlnum(const std::string& form) {
  const std::vector<char32_t> cps = CodePoints(form);
  return std::any_of(cps.begin(), cps.end(), IsAlnum);
}

// The short form's letters and digits, case-folded; empty when the word
// is no short form.
std::vector<char32_t> ShortFormLetters(const std::string& form) {
  const std::vector<char32_t> cps = CodePoints(form);
  if (cps.size() < 2 || cps.size() > kMaxShortForm || !text::IsUpper(cps[0])) return {};
  std::vector<char32_t> letters;
  int capitals = 0;
  for (char32_t c : cps) {
    if (IsAlnum(c)) {
      capitals += text::IsUpper(c) ? 1 : 0;
      letters.push_back(FoldAscii(c));
    } else if (c != '-' && c != '&' && c != '.') {
      return {};
    }
  }
  return capitals >= 2 ? letters : std::vector<char32_t>();
}

// A word inside a long form: a word, or the apostrophe, hyphen, ampersand
// or full stop that names carry ("Farmers'", "People's", "Ltd.").
bool NameWord(const std::string& form) {
  if (HasAlnum(form)) return true;
  return form == "'" || form == "\u2019" || form == "-" || form == "&" || form == ".";
}

// Schwartz & Hearst's backward match of `letters` into words [0, open):
// the index of the word holding the first letter, or -1.
int MatchBackward(const syntax::SyntaxSentence& words, int open,
                  const std::vector<char32_t>& letters) {
  int w = open - 1;
  std::vector<char32_t> cps = CodePoints(words[w].form);
  int pos = static_cast<int>(cps.size()) - 1;
  for (int s = static_cast<int>(letters.size()) - 1; s >= 0; --s) {
    while (true) {
      while (pos < 0) {
        if (--w < 0) return -1;
        cps = CodePoints(words[w].form);
        pos = static_cast<int>(cps.size()) - 1;
      }
      const bool at_word_start = pos == 0 || !IsAlnum(cps[pos - 1]);
      if (FoldAscii(cps[pos]) == letters[s] && (s > 0 || at_word_start)) break;
      --pos;
    }
    --pos;
  }
  return w;
}

}  // namespace

std::optional<AbbreviationDefinition> FindDefinition(const syntax::SyntaxSentence& words,
                                                     int open) {
  const int n = static_cast<int>(words.size());
  if (open < 2 || open + 2 >= n || words[open].form != "(" || words[open + 2].form != ")") {
    return std::nullopt;
  }
  const std::vector<char32_t> letters = ShortFormLetters(words[open + 1].form);
  if (letters.empty()) return std::nullopt;
  const int begin = MatchBackward(words, open, letters);
  if (begin < 0) return std::nullopt;
  const int size = static_cast<int>(letters.size());
  const int max_words = std::min(size + 5, size * 2);
  int name_words = 0, capitalised = 0;
  for (int i = begin; i < open; ++i) {
    if (!NameWord(words[i].form)) return std::nullopt;
    if (!HasAlnum(words[i].form)) continue;
    ++name_words;
    capitalised += Capitalised(words[i].form) ? 1 : 0;
  }
  if (name_words < 2 || name_words > max_words || capitalised * 2 < name_words ||
      !Capitalised(words[begin].form) || !Capitalised(words[open - 1].form)) {
    return std::nullopt;
  }
  return AbbreviationDefinition{begin, open, open + 1};
}

void JoinDefinedNames(const syntax::SyntaxSentence& words, std::vector<EntitySpan>* names) {
  for (int open = 0; open < static_cast<int>(words.size()); ++open) {
    const std::optional<AbbreviationDefinition> d = FindDefinition(words, open);
    if (!d.has_value()) continue;
    const int close = d->short_form + 1;
    std::vector<EntitySpan> kept, inside;
    bool exact = false, starts_before = false;
    for (const EntitySpan& name : *names) {
      if (name.end <= d->begin || name.begin > close ||
          (name.begin == d->short_form && name.end == close)) {
        kept.push_back(name);
        continue;
      }
      exact |= name.begin == d->begin && name.end == d->end;
      starts_before |= name.begin < d->begin;
      inside.push_back(name);
    }
    // A name reaching before the long form says the match is too short
    // ("... Bank of New York (BNY)" found as "New York"): leave it.
    if (exact || starts_before) continue;
    // The pieces' type when they agree and reach both ends ("Mohammed" |
    // "Salman" of "Mohammed bin Salman (MBS)"); a piece in the middle or
    // at one end says little of the whole ("Xingu" of "Instituto Raizes do
    // Xingu (IRX)").
    EntitySpan joined{d->begin, d->end, EntityType::kOrganization};
    if (!inside.empty() && inside.front().begin == d->begin && inside.back().end >= d->end &&
        std::all_of(inside.begin(), inside.end(),
                    [&](const EntitySpan& s) { return s.type == inside[0].type; })) {
      joined.type = inside[0].type;
    }
    kept.push_back(joined);
    std::sort(kept.begin(), kept.end(),
              [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
    *names = std::move(kept);
  }
}

}  // namespace claims::entities
