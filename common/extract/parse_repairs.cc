#include "common/extract/parse_repairs.h"

#include "absl/strings/ascii.h"

namespace claims {
namespace {

using syntax::DepRel;
using syntax::Upos;

bool Is(const syntax::SyntaxWord& w, const char* lower) {
  return absl::AsciiStrToLower(w.form) == lower;
}

// A verb form that can be a verb's complement: a gerund or a bare or
// to-infinitive.
bool ComplementForm(const syntax::SyntaxWord& w) {
  return w.upos == Upos::kVerb && (w.xpos == "VBG" || w.xpos == "VB");
}

}  // namespace

void RepairNotOnlyButAlso(syntax::SyntaxSentence* words) {
  syntax::SyntaxSentence& w = *words;
  const int n = static_cast<int>(w.size());
  for (int h = 0; h + 3 < n; ++h) {
    // The verb, then "not only" right after it (a "to" may follow).
    if (w[h].upos != Upos::kVerb || !Is(w[h + 1], "not") || !Is(w[h + 2], "only")) continue;
    int c = h + 3;
    if (c + 1 < n && Is(w[c], "to")) ++c;
    if (!ComplementForm(w[c]) || w[c].head != h || w[c].rel != DepRel::kConj) continue;
    w[c].rel = DepRel::kXcomp;
    // The "but also" conjunct of the verb is the complement's.
    for (int k = c + 1; k + 2 < n; ++k) {
      if (!Is(w[k], "but") || !Is(w[k + 1], "also")) continue;
      const int d = k + 2;
      if (w[d].head == h && w[d].rel == DepRel::kConj) w[d].head = c;
      break;
    }
  }
}

void RepairParse(syntax::SyntaxSentence* words) { RepairNotOnlyButAlso(words); }

}  // namespace claims
