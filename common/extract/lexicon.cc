#include "common/extract/lexicon.h"

#include <algorithm>

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

absl::Status ReadSet(const std::string& dir, const std::string& name,
                     bool lower, absl::flat_hash_set<std::string>* out) {
  return ReadDataRows(dir, name, false, [&](const std::vector<std::string>& f) {
    for (const auto& w : f) out->insert(lower ? absl::AsciiStrToLower(w) : w);
    return absl::OkStatus();
  });
}

bool ParseClaimType(absl::string_view s, claims::v1::ClaimType* t) {
  return claims::v1::ClaimType_Parse(std::string(s), t);
}

}  // namespace

absl::Status ReadDataRows(
    const std::string& dir, const std::string& name, bool tabs,
    const std::function<absl::Status(const std::vector<std::string>&)>& fn) {
  std::string path = absl::StrCat(dir, "/", name);
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    absl::string_view v = absl::StripAsciiWhitespace(line);
    if (v.empty() || v[0] == '#') continue;
    std::vector<std::string> fields;
    if (tabs) {
      fields = absl::StrSplit(v, '\t');
    } else {
      fields = absl::StrSplit(v, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    }
    absl::Status s = fn(fields);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& dir) {
  std::unique_ptr<Lexicon> lex(new Lexicon());
  RETURN_IF_ERROR(ReadSet(dir, "function_words.txt", true, &lex->function_words_));
  RETURN_IF_ERROR(ReadSet(dir, "common_words.txt", true, &lex->common_words_));
  RETURN_IF_ERROR(ReadSet(dir, "dictionary_words.txt", true, &lex->dictionary_words_));
  RETURN_IF_ERROR(ReadSet(dir, "title_heads.txt", true, &lex->title_heads_));
  RETURN_IF_ERROR(ReadSet(dir, "nationality_nouns.txt", true, &lex->nationality_nouns_));
  RETURN_IF_ERROR(ReadSet(dir, "organisation_nouns.txt", true, &lex->organisation_nouns_));
  RETURN_IF_ERROR(ReadSet(dir, "legal_forms.txt", true, &lex->legal_forms_));
  RETURN_IF_ERROR(ReadSet(dir, "organisation_leading_heads.txt", true,
                          &lex->organisation_leading_heads_));
  RETURN_IF_ERROR(ReadSet(dir, "psych_verbs.txt", true, &lex->psych_verbs_));
  RETURN_IF_ERROR(ReadSet(dir, "relaying_verbs.txt", true, &lex->relaying_verbs_));
  RETURN_IF_ERROR(ReadSet(dir, "institution_nouns.txt", true, &lex->institution_nouns_));
  RETURN_IF_ERROR(ReadSet(dir, "norm_nouns.txt", true, &lex->norm_nouns_));
  RETURN_IF_ERROR(ReadSet(dir, "abbreviations.txt", false, &lex->abbreviations_));
  RETURN_IF_ERROR(ReadDataRows(dir, "honorifics.tsv", true, [&](const auto& f) {
    claims::v1::ActorType t;
    if (f.size() < 2 || f.size() > 3 || !claims::v1::ActorType_Parse(f[1], &t) ||
        (f.size() == 3 && f[2] != "given")) {
      return absl::InvalidArgumentError("expected: word <TAB> actor type [<TAB> given]");
    }
    lex->honorifics_[f[0]] = t;
    if (f.size() == 3) lex->given_name_honorifics_.insert(absl::AsciiStrToLower(f[0]));
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(ReadDataRows(dir, "verbs.tsv", true, [&](const auto& f) {
    int v = 0, n = 0;
    if (f.size() != 3 || !absl::SimpleAtoi(f[1], &v) || !absl::SimpleAtoi(f[2], &n)) {
      return absl::InvalidArgumentError("expected: lemma <TAB> count <TAB> count");
    }
    if (v == 0 && n > 0) {
      lex->noun_verbs_.insert(f[0]);
    } else {
      lex->verbs_[f[0]] = {v, n};
    }
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(ReadDataRows(dir, "irregular.tsv", true, [&](const auto& f) {
    if (f.size() != 2) return absl::InvalidArgumentError("expected: form <TAB> lemma");
    lex->irregular_.emplace(f[0], f[1]);
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(ReadDataRows(dir, "verb_classes.tsv", true, [&](const auto& f) {
    VerbClass c;
    if (f.size() != 3 || !ParseClaimType(f[1], &c.type)) {
      return absl::InvalidArgumentError("expected: lemma <TAB> claim type <TAB> plover|-");
    }
    if (f[2] != "-") c.plover = f[2];
    // One class a verb: a second row would silently lose to the first.
    if (!lex->verb_classes_.emplace(f[0], c).second) {
      return absl::InvalidArgumentError(absl::StrCat("verb \"", f[0], "\" has a class already"));
    }
    // Class verbs are verbs even if WordNet's counts say otherwise.
    lex->verbs_.try_emplace(f[0], std::make_pair(1, 0));
    return absl::OkStatus();
  }));
  RETURN_IF_ERROR(ReadDataRows(dir, "modality.tsv", true, [&](const auto& f) {
    static const auto* const kAttachments =
        new absl::flat_hash_map<std::string, CueAttachment>{
            {"adverb", CueAttachment::kAdverb},
            {"auxiliary", CueAttachment::kAuxiliary},
            {"conditional", CueAttachment::kConditional},
            {"raising", CueAttachment::kRaising},
            {"mark", CueAttachment::kMark},
            {"determiner", CueAttachment::kDeterminer},
            {"pronoun", CueAttachment::kPronoun},
            {"embedding", CueAttachment::kEmbedding},
            {"naming", CueAttachment::kNaming},
            {"extraposed", CueAttachment::kExtraposed}};
    claims::v1::Modality modality;
    auto attachment = f.size() == 3 ? kAttachments->find(f[1]) : kAttachments->end();
    if (attachment == kAttachments->end() || !claims::v1::Modality_Parse(f[2], &modality)) {
      return absl::InvalidArgumentError(
          "expected: lemma <TAB> adverb|auxiliary|conditional|raising|mark|"
          "determiner|pronoun|embedding|naming|extraposed <TAB> modality");
    }
    lex->modality_cues_[{attachment->second, absl::AsciiStrToLower(f[0])}] = modality;
    return absl::OkStatus();
  }));
  // Auxiliaries are verbs too.
  for (const char* aux : {"be", "have", "do"}) lex->verbs_.try_emplace(aux, std::make_pair(1000, 0));
  return lex;
}

std::optional<claims::v1::Modality> Lexicon::ModalityCue(
    CueAttachment attachment, absl::string_view lemma) const {
  auto it = modality_cues_.find(std::make_pair(attachment, std::string(lemma)));
  if (it == modality_cues_.end()) return std::nullopt;
  return it->second;
}

bool Lexicon::IsCommonWord(absl::string_view lower) const {
  if (function_words_.contains(lower) || common_words_.contains(lower)) return true;
  // Inflected forms of common words: "reservists", "engaging", "rebuffed".
  if (!VerbLemma(lower).empty()) return true;
  std::string variant;  // stem + "e", stem with i -> y
  for (absl::string_view suffix : {"s", "es", "ly", "ed", "ing", "er", "est"}) {
    if (absl::EndsWith(lower, suffix) && lower.size() > suffix.size() + 2) {
      const absl::string_view stem = lower.substr(0, lower.size() - suffix.size());
      if (common_words_.contains(stem)) return true;
      variant.assign(stem.data(), stem.size());
      variant.push_back('e');
      if (common_words_.contains(variant)) return true;
      if (suffix == "es" || suffix == "ly") {
        if (stem.back() == 'i') {
          variant.pop_back();
          variant.back() = 'y';
          if (common_words_.contains(variant)) return true;
        }
      }
    }
  }
  return false;
}

bool Lexicon::IsDictionaryWord(absl::string_view lower) const {
  return dictionary_words_.contains(lower) || IsCommonWord(lower);
}

claims::v1::ActorType Lexicon::Honorific(absl::string_view word) const {
  auto it = honorifics_.find(word);
  return it == honorifics_.end() ? claims::v1::ACTOR_TYPE_UNSPECIFIED : it->second;
}

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// A stem of one syllable that ends consonant, vowel, consonant ("hop",
// "wag"), whose last consonant doubles before "-ing" ("hopping"): a form
// without the doubling ("hoping", "waging") is of the stem with "e".
bool DoublesLastConsonant(absl::string_view stem) {
  const size_t n = stem.size();
  if (n < 3) return false;
  const char last = stem[n - 1];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y' || !IsVowel(stem[n - 2]) ||
      IsVowel(stem[n - 3])) {
    return false;
  }
  for (size_t i = 0; i + 2 < n; ++i) {
    if (IsVowel(stem[i])) return false;
  }
  return true;
}

// "-es" follows a sibilant or "o" ("fixes", "pushes", "goes"); after
// anything else the ending is "-s" of a stem in "e" ("hopes" is "hope").
bool TakesEs(absl::string_view stem) {
  return absl::EndsWith(stem, "s") || absl::EndsWith(stem, "x") || absl::EndsWith(stem, "z") ||
         absl::EndsWith(stem, "ch") || absl::EndsWith(stem, "sh") || absl::EndsWith(stem, "o");
}

// The lemma of a regular verb form ("tabled" -> "table") whose lemma
// `known` accepts, or "". English spelling decides between candidates
// that are both verbs ("hopes" and "hoping" are "hope", not "hop").
template <typename Known>
std::string RegularLemma(absl::string_view w, Known known) {
  if (known(w)) return std::string(w);
  auto try_stem = [&](std::string stem) -> std::string {
    if (stem.size() >= 2 && known(stem)) return stem;
    return "";
  };
  std::string r;
  auto strip = [&](absl::string_view suffix) -> absl::string_view {
    return w.substr(0, w.size() - suffix.size());
  };
  if (absl::EndsWith(w, "ies") && w.size() > 4) {
    r = try_stem(absl::StrCat(strip("ies"), "y"));
  } else if (absl::EndsWith(w, "es") && w.size() > 3) {
    const std::string es_stem(strip("es"));
    const std::string s_stem(strip("s"));
    const bool es_first = TakesEs(es_stem);
    r = try_stem(es_first ? es_stem : s_stem);
    if (r.empty()) r = try_stem(es_first ? s_stem : es_stem);
  } else if (absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss") && w.size() > 3) {
    r = try_stem(std::string(strip("s")));
  } else if (absl::EndsWith(w, "ied") && w.size() > 4) {
    r = try_stem(absl::StrCat(strip("ied"), "y"));
  } else if (absl::EndsWith(w, "ed") && w.size() > 3) {
    std::string stem(strip("ed"));
    r = try_stem(stem + "e");
    if (r.empty()) r = try_stem(stem);
    if (r.empty() && stem.size() > 2 && stem.back() == stem[stem.size() - 2]) {
      r = try_stem(stem.substr(0, stem.size() - 1));
    }
  } else if (absl::EndsWith(w, "ing") && w.size() > 4) {
    std::string stem(strip("ing"));
    const bool e_first = DoublesLastConsonant(stem);
    r = try_stem(e_first ? stem + "e" : stem);
    if (r.empty()) r = try_stem(e_first ? stem : stem + "e");
    if (r.empty() && stem.size() > 2 && stem.back() == stem[stem.size() - 2]) {
      r = try_stem(stem.substr(0, stem.size() - 1));
    }
  }
  return r;
}

}  // namespace

std::string Lexicon::VerbLemma(absl::string_view w, bool* inflected) const {
  if (inflected) *inflected = false;
  if (w.size() < 2) return "";
  auto irr = irregular_.find(w);
  if (irr != irregular_.end()) {
    if (inflected) *inflected = true;
    return irr->second;
  }
  static const absl::flat_hash_map<std::string, std::string>* const kAux =
      new absl::flat_hash_map<std::string, std::string>{
          {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"},
          {"been", "be"}, {"being", "be"}, {"am", "be"}, {"be", "be"},
          {"has", "have"}, {"had", "have"}, {"having", "have"},
          {"have", "have"}, {"does", "do"}, {"did", "do"}, {"do", "do"},
          {"done", "do"}};
  auto aux = kAux->find(w);
  if (aux != kAux->end()) {
    if (inflected) *inflected = aux->first != aux->second;
    return aux->second;
  }
  std::string r = RegularLemma(w, [this](absl::string_view v) { return verbs_.contains(v); });
  if (!r.empty() && inflected) *inflected = r != w;
  return r;
}

std::string Lexicon::VerbLemma(absl::string_view lower, absl::string_view xpos) const {
  if (xpos == "VB" && verbs_.contains(lower)) return std::string(lower);
  std::string lemma = VerbLemma(lower);
  if (lemma.empty() && lower.size() >= 2) {
    lemma = RegularLemma(lower, [this](absl::string_view v) { return noun_verbs_.contains(v); });
  }
  return lemma;
}

bool Lexicon::IsVerbOnlyForm(absl::string_view lower) const {
  return irregular_.contains(lower) && !dictionary_words_.contains(lower) &&
         !function_words_.contains(lower) && !common_words_.contains(lower);
}

const VerbClass* Lexicon::ClassOf(absl::string_view lemma) const {
  auto it = verb_classes_.find(lemma);
  return it == verb_classes_.end() ? nullptr : &it->second;
}

bool Lexicon::IsSpeechVerb(absl::string_view lemma) const {
  const VerbClass* vc = ClassOf(lemma);
  return vc != nullptr && vc->type == claims::v1::STATEMENT;
}

void InstallInSyntax(const Lexicon& lexicon, const KnowledgeBase* kb,
                     syntax::SyntaxModels* models) {
  const Lexicon* lex = &lexicon;
  syntax::PosTagger::WordTest is_name;
  if (kb != nullptr) {
    is_name = [kb](absl::string_view form) {
      const std::vector<AliasMatch>* matches = kb->Find(form);
      if (matches == nullptr) return false;
      return std::any_of(matches->begin(), matches->end(), [kb](const AliasMatch& m) {
        return kb->actor(m.actor).type == claims::v1::PERSON && m.kind != AliasKind::kGazetteer;
      });
    };
  }
  models->set_verb_lexicon(
      [lex](absl::string_view lower, absl::string_view xpos) { return lex->VerbLemma(lower, xpos); },
      [lex](absl::string_view lower) { return lex->IsDictionaryWord(lower); }, std::move(is_name),
      [lex](absl::string_view lower) { return lex->IsVerbOnlyForm(lower); });
}

}  // namespace claims
