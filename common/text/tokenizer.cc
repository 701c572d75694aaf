#include "common/text/tokenizer.h"

#include "absl/strings/match.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"

#include <string>

#include "common/text/utf8.h"

namespace claims::text {
namespace {

bool IsEdgePunct(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case ')': case '[': case ']': case '{':
    case '}': case ',': case ';': case ':': case '!': case '?': case '.':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB:
    case 0x00BB: case 0x2026: case '*': case '<': case '>':
      return true;
    default:
      return false;
  }
}

// Splits points inside a chunk: em/en dashes, slashes, and "--".
bool IsInnerSeparator(char32_t c) {
  return c == 0x2014 || c == 0x2013 || c == 0x2015 || c == '/' || c == '|';
}

void Classify(Token* t) {
  size_t letters = 0, uppers = 0;
  bool first_letter_seen = false;
  for (size_t i = 0; i < t->text.size();) {
    size_t len;
    char32_t c = DecodeAt(t->text, i, &len);
    if (IsLetter(c)) {
      ++letters;
      if (IsUpper(c)) ++uppers;
      if (!first_letter_seen) {
        first_letter_seen = true;
        t->capitalized = IsUpper(c);
      }
    }
    if (i == 0 && IsDigit(c)) t->is_number = true;
    i += len;
  }
  t->is_word = letters > 0;
  t->all_caps = letters >= 2 && uppers == letters;
}

bool IsInitialsOrAbbrev(absl::string_view w,
                        const absl::flat_hash_set<std::string>* abbrevs) {
  if (w.size() < 2 || w.back() != '.') return false;
  if (abbrevs != nullptr && abbrevs->contains(w)) return true;
  // Letters separated by dots: "U.S.", "J.D.", "a.m.", single initial "J."
  bool expect_letter = true;
  for (char c : w) {
    if (expect_letter) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    } else if (c != '.') {
      return false;
    }
    expect_letter = !expect_letter;
  }
  return expect_letter;  // ended on a dot
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view text, size_t begin, size_t end,
                            size_t max_tokens,
                            const absl::flat_hash_set<std::string>* abbrevs) {
  std::vector<Token> out;
  // About one token per five bytes of prose; reserving avoids most regrowth.
  out.reserve(std::min(max_tokens, (end > begin ? end - begin : 0) / 4 + 8));
  auto emit = [&](size_t s, size_t e) {
    if (s >= e || out.size() >= max_tokens) return;
    Token& t = out.emplace_back();
    t.start = s;
    t.end = e;
    t.text = text.substr(s, e - s);
    t.lower.assign(t.text.data(), t.text.size());
    for (char& c : t.lower) c = absl::ascii_tolower(static_cast<unsigned char>(c));
    Classify(&t);
  };
  // Emits chunk [s, e) after peeling edge punctuation and clitics.
  auto emit_chunk = [&](size_t s, size_t e) {
    absl::InlinedVector<std::pair<size_t, size_t>, 4> trailing;
    while (s < e) {
      size_t len;
      char32_t c = DecodeAt(text, s, &len);
      if (!IsEdgePunct(c)) break;
      emit(s, s + len);
      s += len;
    }
    while (e > s) {
      size_t len;
      char32_t c = DecodeBefore(text, e, &len);
      if (!IsEdgePunct(c)) break;
      if (c == '.' && IsInitialsOrAbbrev(text.substr(s, e - s), abbrevs)) break;
      if (IsApostrophe(c) && e - len > s) {
        // Plural possessive "leaders'" : a clitic of its own.
        size_t l2;
        char32_t prev = DecodeBefore(text, e - len, &l2);
        if (prev == 's' || prev == 'S') {
          trailing.emplace_back(e - len, e);
          e -= len;
          break;
        }
      }
      trailing.emplace_back(e - len, e);
      e -= len;
    }
    // Possessive / contraction clitics.
    if (e - s > 2) {
      size_t l1, l2;
      char32_t last = DecodeBefore(text, e, &l1);
      char32_t apos = DecodeBefore(text, e - l1, &l2);
      if ((last == 's' || last == 'S') && IsApostrophe(apos) &&
          e - l1 - l2 > s) {
        trailing.emplace_back(e - l1 - l2, e);
        e -= l1 + l2;
      } else if (e - s == 6 && absl::EqualsIgnoreCase(text.substr(s, e - s), "cannot")) {
        // "cannot" is "can" + "not", as Universal Dependencies tokenizes it.
        trailing.emplace_back(e - 3, e);
        e -= 3;
      } else {
        // "can't", "isn’t": split off "n't".
        absl::string_view w = text.substr(s, e - s);
        for (absl::string_view neg : {absl::string_view("n't"),
                                     absl::string_view("n\u2019t")}) {
          if (w.size() > neg.size() + 1 &&
              w.substr(w.size() - neg.size()) == neg) {
            trailing.emplace_back(e - neg.size(), e);
            e -= neg.size();
            break;
          }
        }
      }
    }
    emit(s, e);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) {
      emit(it->first, it->second);
      if (out.empty() || out.back().start != it->first) continue;
      absl::string_view w = out.back().text;
      size_t len;
      char32_t c0 = DecodeAt(w, 0, &len);
      if (IsApostrophe(c0) && (w.substr(len) == "s" || w.substr(len) == "S" ||
                               (w.size() == len && out.size() >= 2 &&
                                out[out.size() - 2].end == out.back().start &&
                                (out[out.size() - 2].text.back() == 's')))) {
        out.back().possessive = true;
      }
    }
  };

  size_t i = begin;
  while (i < end && out.size() < max_tokens) {
    size_t len;
    char32_t c = DecodeAt(text, i, &len);
    if (IsSpace(c)) {
      i += len;
      continue;
    }
    // A chunk runs to the next space; inner separators split it.
    size_t s = i;
    while (i < end) {
      char32_t d = DecodeAt(text, i, &len);
      if (IsSpace(d)) break;
      if (IsInnerSeparator(d)) {
        emit_chunk(s, i);
        emit(i, i + len);
        s = i + len;
      }
      i += len;
    }
    emit_chunk(s, i);
  }
  return out;
}

int DatelineLength(const std::vector<Token>& tokens) {
  const int n = static_cast<int>(tokens.size());
  if (n <= 2 || !tokens[0].all_caps) return 0;
  for (int i = 1; i < std::min(n - 1, 16); ++i) {
    const absl::string_view w = tokens[static_cast<size_t>(i)].text;
    if (w == "-" || w == "--" || w == "_" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93") {
      return i + 1;
    }
    if (tokens[static_cast<size_t>(i)].is_word && !tokens[static_cast<size_t>(i)].capitalized) break;
  }
  return 0;
}

}  // namespace claims::text
