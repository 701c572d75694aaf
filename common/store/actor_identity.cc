#include "common/store/actor_identity.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/store/absl_compat.h"
#include "common/store/actor_records.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/store/language_words.h"
#include "common/util/name_words.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "unicode/translit.h"
#include "unicode/unistr.h"

namespace claims::store_internal {
namespace {

using claims::v1::Actor;
using claims::v1::ActorRef;
using claims::v1::AnalyzeResponse;

// Most co-occurring actors remembered per discovered actor.
constexpr size_t kMaxContext = 64;

// Words that begin a surname ("al-Rashidi", "da Silva", "van der Berg").
constexpr std::string_view kSurnameParticles[] = {
    "al",  "el",  "bin", "ibn", "abu",   "da",  "de",  "di",
    "do",  "dos", "du",  "del", "della", "der", "den", "van",
    "von", "le",  "la",  "ter", "ten",   "st",  "mac", "lo", "dello", "dei", "degli"};

// Words that never make a name on their own: pronouns, quantifiers and the
// plural role nouns of group references ("both leaders").
constexpr std::string_view kNotNameWords[] = {
    // Not "us", "it" or "i": "US", "IT" and "I" are names too.
    "he",    "she",    "they",           "him",        "her",       "his",
    "hers",  "its",    "their",          "them",       "we",        "you",
    "both",  "all",    "neither",        "either",     "each",      "every",
    "some",  "many",   "most",           "several",    "few",       "two",
    "three", "four",   "leaders",        "officials",  "ministers", "men",
    "women", "people", "administration", "government", "company",   "group",
    "a",     "an",     "this",           "that",       "these",     "those",
    "of"};

// Title and honorific words (see kTitles in actor_records.cc); a phrase of
// only these and kNotNameWords is a role, not a name.
constexpr std::string_view kTitleWords[] = {"the",
                                            "former",
                                            "late",
                                            "acting",
                                            "then",
                                            "new",
                                            "mr",
                                            "mrs",
                                            "ms",
                                            "miss",
                                            "mx",
                                            "dr",
                                            "prof",
                                            "professor",
                                            "sir",
                                            "dame",
                                            "lord",
                                            "lady",
                                            "president",
                                            "vice",
                                            "prime",
                                            "minister",
                                            "pm",
                                            "deputy",
                                            "foreign",
                                            "defence",
                                            "defense",
                                            "finance",
                                            "interior",
                                            "home",
                                            "secretary",
                                            "state",
                                            "general",
                                            "senator",
                                            "sen",
                                            "rep",
                                            "representative",
                                            "congressman",
                                            "congresswoman",
                                            "governor",
                                            "gov",
                                            "mayor",
                                            "ambassador",
                                            "speaker",
                                            "chancellor",
                                            "king",
                                            "queen",
                                            "prince",
                                            "princess",
                                            "crown",
                                            "sheikh",
                                            "ayatollah",
                                            "supreme",
                                            "leader",
                                            "gen",
                                            "colonel",
                                            "major",
                                            "captain",
                                            "admiral",
                                            "commander",
                                            "judge",
                                            "justice",
                                            "chief",
                                            "pope",
                                            "cardinal",
                                            "archbishop",
                                            "bishop",
                                            "emir",
                                            "sultan",
                                            "chairman",
                                            "chairwoman",
                                            "chair",
                                            "ceo",
                                            "opposition",
                                            "national",
                                            "security",
                                            "adviser",
                                            "advisor",
                                            "envoy",
                                            "special",
                                            "spokesman",
                                            "spokeswoman",
                                            "spokesperson",
                                            "first",
                                            "premier",
                                            "exchequer",
                                            "chief executive",
                                            "executive"};

template <size_t N>
bool In(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

std::vector<std::string> Words(std::string_view folded) {
  return absl::StrSplit(AbslView(folded), ' ', absl::SkipEmpty());
}

// The folded words of a person's name by the words as written, so that a
// double-barrelled surname stays one word: "Amara Okonkwo-Bell" ->
// {"amara", "okonkwo bell"}; so does a surname with its generation:
// "Benigno Aquino Jr." -> {"benigno", "aquino jr"}.
std::vector<std::string> WrittenWords(std::string_view name) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(AbslView(name), ' ', absl::SkipEmpty())) {
    std::string folded = FoldName(std::string_view(w.data(), w.size()));
    if (folded.empty()) continue;
    if (out.size() >= 2 && IsGenerationalSuffix(folded)) {
      absl::StrAppend(&out.back(), " ", folded);
    } else {
      out.push_back(std::move(folded));
    }
  }
  return out;
}

// 'm' or 'f' from honorific forms among the actor's aliases ("Ms Smithfield").
char GenderOf(const Actor& actor) {
  char gender = 0;
  auto note = [&gender](std::string_view alias) {
    const std::vector<std::string> w = Words(FoldName(alias));
    if (w.size() < 2) return;
    char g = 0;
    if (w[0] == "mr" || w[0] == "sir" || w[0] == "lord") g = 'm';
    if (w[0] == "mrs" || w[0] == "ms" || w[0] == "miss" || w[0] == "dame")
      g = 'f';
    if (g != 0) gender = (gender == 0 || gender == g) ? g : 'x';
  };
  note(actor.name());
  for (const std::string& alias : actor.aliases()) note(alias);
  return gender == 'x' ? 0 : gender;
}

// Index where the surname starts in a folded person name of >= 2 words.
size_t SurnameStart(const std::vector<std::string>& w) {
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (In(kSurnameParticles, w[i])) return i;
  }
  return w.size() - 1;
}

// True when the folded words are a surname alone ("smithfield", "al rashidi").
bool SurnameOnly(const std::vector<std::string>& w) {
  return w.size() == 1 || (w.size() == 2 && In(kSurnameParticles, w[0]));
}

std::string Acronym(const std::vector<std::string>& w) {
  std::string out;
  for (const std::string& word : w) {
    if (word == "of" || word == "the" || word == "and" || word == "for")
      continue;
    out.push_back(word[0]);
  }
  return out.size() >= 2 ? out : "";
}

// A person's folded name words with a short given name written in full
// ("tim weah" -> "timothy weah").
std::vector<std::string> FullGiven(std::vector<std::string> words) {
  if (words.size() >= 2) words[0] = std::string(FullGivenName(words[0]));
  return words;
}

// Words joined by spaces, each letter as `rule(word, &i, previous)` makes
// it (0 drops it; the rule may consume more letters), doubled letters
// single.
template <typename Rule>
std::string FoldLetters(const std::vector<std::string>& words, Rule rule) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out.push_back(' ');
    const size_t start = out.size();
    for (size_t i = 0; i < word.size(); ++i) {
      const char previous = out.size() > start ? out.back() : 0;
      const char c = rule(word, &i, previous);
      if (c != 0 && c != previous) out.push_back(c);
    }
  }
  return out;
}

// Folded words with the spelling differences of romanisations folded too:
// "ks" = "x", "kh" = "h", "ph" = "f", "y" = "i", doubled letters single
// ("Aleksei" = "Alexei" = "Alexey", "Hnatyuk" = "Hnatiuk", "Mohammed" =
// "Mohamed"), and German umlauts written out as FoldName writes them
// ("Brueckner" = "Brückner": "ae", "oe", "ue" = "a", "o", "u").
std::string RomanKey(const std::vector<std::string>& words) {
  return FoldLetters(words, [](const std::string& word, size_t* i, char) {
    const char c = word[*i];
    const char next = *i + 1 < word.size() ? word[*i + 1] : 0;
    if ((c == 'a' || c == 'o' || c == 'u') && next == 'e') {
      ++*i;
      return c;
    }
    if (c == 'k' && next == 's') {
      ++*i;
      return 'x';
    }
    if ((c == 'k' || c == 'p') && next == 'h') {
      ++*i;
      return c == 'k' ? 'h' : 'f';
    }
    return c == 'y' ? 'i' : c;
  });
}

// A looser key than RomanKey for the spellings of South Asian, Arabic,
// Persian and Indonesian names in English ("Nasreen Akhter Chowdhury" =
// "Nasrin Akter Choudhury", the Dutch-era "Tommy Soeharto" = "Tommy
// Suharto", "Mohammed Baqir al-Hakim" = "Mohammed Baqer al-Hakim",
// "Muhsin" = "Mohsen"): an h after a consonant is dropped, "ee" is "i",
// "oo", "ou", "ow" and "oe" are "u", "e" and "y" are "i" and "o" is "u"
// (short vowels these scripts do not write), doubled letters single. Only
// a whole name of two words or more is looked up by it.
std::string VariantKey(const std::vector<std::string>& words) {
  return FoldLetters(words, [](const std::string& word, size_t* i, char previous) {
    const char c = word[*i];
    const char next = *i + 1 < word.size() ? word[*i + 1] : 0;
    if (c == 'h' && previous != 0 && std::string_view("aeiou").find(previous) == std::string_view::npos) {
      return '\0';
    }
    // ("ee", "oo" and "ou" need no rule of their own: their letters fold
    // to one, and doubled letters are single.)
    if (c == 'o' && (next == 'w' || next == 'e')) {
      ++*i;
      return 'u';
    }
    return c == 'y' || c == 'e' ? 'i' : c == 'o' ? 'u' : c;
  });
}

// True for a name written as an acronym: one word of 2-6 capitals ("RTA").
bool IsAcronym(std::string_view name) {
  return name.size() >= 2 && name.size() <= 6 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return absl::ascii_isupper(static_cast<unsigned char>(c));
         });
}

// Two surnames after the given names ("Luz Adriana Quiñónez Mosquera";
// HasSecondSurname below): the romanised form of the name without the second
// surname, as news often writes it ("Luz Adriana Quinonez"). Stored and
// looked up, so the two meet whichever comes first.
std::string WithoutSecondSurname(const std::vector<std::string>& words) {
  return absl::StrCat("roman-name:",
                      RomanKey(FullGiven(std::vector<std::string>(words.begin(), words.end() - 1))));
}

// Whether a name has a second surname news may leave out: two given names
// and two surnames (four words or more), or a given name and two surnames
// (three words, the middle no given name nor word of the language: "Emilio
// Lozoya Austin", "Robert Kyagulanyi Ssentamu"; not "Muhammad Ali Jinnah").
bool HasSecondSurname(const std::vector<std::string>& words) {
  // "Benigno Aquino Jr" is not "Benigno Aquino": the suffix tells a son
  // from his father.
  if (!words.empty() && IsGenerationalSuffix(words.back())) return false;
  if (words.size() >= 4) return true;
  return words.size() == 3 && !IsGivenName(words[1]) && !IsLanguageWord(words[1]);
}

// A person's given name and last name without the names between
// ("rosario macaraeg" of "Rosario B. Macaraeg", "maria teixeira" of "Maria
// Aparecida dos Santos Teixeira", "tran hanh" of "Tran Thi Ngoc Hanh"), as
// later articles shorten a name. Words as written: a compound given name
// is one ("Jean-François Tremblay" is not "Jean Tremblay"). A name of
// three words or more is stored under it and looks up the two-word name
// it makes; a two-word name looks it up. So the long and the short form
// meet whichever comes first, and two long forms of one first and last
// name ("Rosario B." and "Rosario T. Macaraeg") never do.
std::string FirstAndLast(absl::string_view kind, const std::vector<std::string>& words) {
  return absl::StrCat(kind, words.front(), " ", words.back());
}

// A person's folded name words in alphabetical order: the name written
// family name first, as ballots, official lists and East African and East
// Asian news do ("Kyagulanyi Ssentamu Robert" of "Robert Kyagulanyi
// Ssentamu"). Stored and looked up.
std::string NameSet(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  return absl::StrCat("name-set:", absl::StrJoin(words, " "));
}

// A person's name as news also writes it: without the Malay patronymic
// particle ("Nurul Huda Abdul Rahman" of "Nurul Huda binti Abdul Rahman")
// or without leading initials ("Nilanthi Kumari Edirisinghe" of "E. M.
// Nilanthi Kumari Edirisinghe", as Sri Lankan and South Indian names put
// them); empty when neither applies or under two words would be left.
std::vector<std::string> ShortenedPersonName(const std::vector<std::string>& written) {
  std::vector<std::string> out;
  size_t first = 0;
  while (first + 2 < written.size() && written[first].size() == 1) ++first;
  for (size_t i = first; i < written.size(); ++i) {
    if (i > first && i + 1 < written.size() &&
        (written[i] == "bin" || written[i] == "binti" || written[i] == "bint")) {
      continue;
    }
    out.push_back(written[i]);
  }
  if (out.size() < 2 || out.size() == written.size()) return {};
  return out;
}

// Adds the forms of ShortenedPersonName(written), when there is one: its
// full name and, for three words or more, its first and last name.
void AddShortenedPersonForms(const std::vector<std::string>& written,
                             std::vector<std::string>* forms) {
  const std::vector<std::string> shorter = ShortenedPersonName(written);
  if (shorter.empty()) return;
  forms->push_back(absl::StrCat("name:", absl::StrJoin(shorter, " ")));
  if (shorter.size() >= 3) forms->push_back(FirstAndLast("first-last:", shorter));
}

// IsLanguageWord, plurals too ("growers", "farmers").
bool IsLanguageWordOrPlural(const std::string& word) {
  if (IsLanguageWord(word)) return true;
  return word.size() > 3 && word.back() == 's' &&
         IsLanguageWord(std::string_view(word).substr(0, word.size() - 1));
}

// Folded name words without the legal-form words ("pt", "ltd"), also one
// written with dots at the end, which FoldName makes single letters ("s a
// c" of "S.A.C.", "p l c" of "P.L.C."; not the initials of "A. B. Hollis
// Co.").
std::vector<std::string> WithoutLegalForm(const std::vector<std::string>& words) {
  size_t end = words.size();
  std::string letters;
  while (end > 0 && words[end - 1].size() == 1) letters.insert(0, words[--end]);
  if (words.size() - end < 2 || !IsLegalForm(letters)) end = words.size();
  std::vector<std::string> core;
  for (size_t i = 0; i < end; ++i) {
    if (!IsLegalForm(words[i])) core.push_back(words[i]);
  }
  return core;
}

// Adds an organisation's name without its legal form (`core`, of
// WithoutLegalForm(words)) to `forms` when it has one and more: stored and
// looked up, so "PT Hadiwijaya Sawit Lestari", "Sanriku Kaisan Co." and
// their names without meet.
void AddNameWithoutLegalForm(const std::vector<std::string>& words,
                             const std::vector<std::string>& core,
                             std::vector<std::string>* forms) {
  if (!core.empty() && core.size() < words.size()) {
    forms->push_back(absl::StrCat("name:", absl::StrJoin(core, " ")));
  }
}

// A folded word in American spelling where British spelling differs by a
// regular ending: "organisation" -> "organization", "defence" ->
// "defense", "centre" -> "center", "labour" -> "labor", "programme" ->
// "program". Applied to both sides of a lookup, a fold that also changes
// a word with no other spelling ("notre") does no harm.
std::string AmericanSpelling(std::string word) {
  auto ends = [&](absl::string_view tail) { return absl::EndsWith(word, tail); };
  auto swap_tail = [&](size_t cut, std::string_view tail) {
    word.replace(word.size() - cut, cut, tail);
  };
  if (ends("isations")) {
    swap_tail(8, "izations");
  } else if (ends("isation")) {
    swap_tail(7, "ization");
  } else if (ends("ence") && (word == "defence" || word == "offence" || word == "licence")) {
    swap_tail(2, "se");
  } else if (ends("tre") && word.size() > 4) {
    swap_tail(2, "er");
  } else if (ends("our") && word.size() >= 6) {
    swap_tail(3, "or");
  } else if (word == "programme") {
    word = "program";
  }
  return word;
}

// An organisation's name of two words or more without its legal form, in
// RomanKey's spelling and American spelling: "Brueckner Praezisionsguss"
// is "Brückner Präzisionsguss GmbH", "Defense Research and Development
// Organization" is "Defence Research and Development Organisation".
// Stored and looked up.
void AddRomanOrganisationForm(const std::vector<std::string>& core,
                              std::vector<std::string>* forms) {
  if (core.size() < 2) return;
  std::vector<std::string> american;
  american.reserve(core.size());
  for (const std::string& word : core) american.push_back(AmericanSpelling(word));
  forms->push_back(absl::StrCat("roman-org:", RomanKey(american)));
}

// The forms an incoming discovered actor looks for, in order (the first
// that finds stored actors decides); none for an empty name.
std::vector<std::string> LookupForms(const Actor& actor) {
  const std::vector<std::string> w = Words(FoldName(actor.name()));
  if (w.empty()) return {};
  if (actor.type() == claims::v1::PERSON) {
    const std::vector<std::string> written = WrittenWords(actor.name());
    if (SurnameOnly(written)) {
      return {absl::StrCat("surname:", absl::StrJoin(w, " ")),
              absl::StrCat("roman-surname:", RomanKey(w)),
              absl::StrCat("joined-surname:", absl::StrJoin(w, ""))};
    }
    std::vector<std::string> forms = {absl::StrCat("name:", absl::StrJoin(w, " ")),
                                      absl::StrCat("roman-name:", RomanKey(FullGiven(w))),
                                      absl::StrCat("variant-name:", VariantKey(FullGiven(w))),
                                      NameSet(w)};
    // Two words may be a double surname ("Quispe Huaman" of "Julio Quispe
    // Huaman") when no one has them as a full name.
    if (written.size() == 2) forms.push_back(absl::StrCat("surname:", absl::StrJoin(w, " ")));
    if (HasSecondSurname(w)) forms.push_back(WithoutSecondSurname(w));
    if (written.size() >= 2) {
      forms.push_back(FirstAndLast(written.size() == 2 ? "first-last:" : "name:", written));
    }
    AddShortenedPersonForms(written, &forms);
    forms.push_back(absl::StrCat("joined-name:", absl::StrJoin(w, "")));
    return forms;
  }
  if (IsAcronym(actor.name())) return {absl::StrCat("acronym:", w[0])};
  std::vector<std::string> forms = {absl::StrCat("name:", absl::StrJoin(w, " "))};
  if (actor.type() == claims::v1::ORGANIZATION) {
    AddNameWithoutLegalForm(w, WithoutLegalForm(w), &forms);
    AddRomanOrganisationForm(WithoutLegalForm(w), &forms);
    // An acronym written as a word ("Madek" of "... Derneği (MADEK)",
    // "Nato"), when no organisation has it as a name.
    if (w.size() == 1 && w[0].size() <= 6) forms.push_back(absl::StrCat("acronym:", w[0]));
  }
  return forms;
}

absl::StatusOr<std::vector<std::string>> IdsUnder(rocksdb::DB* db,
                                                  const std::string& form) {
  std::vector<std::string> ids;
  const std::string prefix = IdentityPrefix(form);
  RETURN_IF_ERROR(ForEachInRange(db, PrefixRange(prefix), "scan identities",
                                 [&](std::string_view key, std::string_view) {
                                   ids.emplace_back(key.substr(prefix.size()));
                                   return true;
                                 }));
  return ids;
}

// Ids under the forms `form` and `form` followed by more words: "name:nordhav"
// finds "name:nordhav" and "name:nordhav line", not "name:nordhavn".
absl::StatusOr<std::vector<std::string>> IdsUnderLeading(
    rocksdb::DB* db, const std::string& form) {
  std::vector<std::string> ids;
  const std::string prefix = IdentityStartsWithPrefix(form);
  RETURN_IF_ERROR(ForEachInRange(db, PrefixRange(prefix), "scan identities",
                                 [&](std::string_view key, std::string_view) {
                                   const std::string_view rest =
                                       key.substr(prefix.size());
                                   const size_t end = rest.find('\0');
                                   if (end == std::string_view::npos)
                                     return true;
                                   if (end == 0 || rest[0] == ' ') {
                                     ids.emplace_back(rest.substr(end + 1));
                                   }
                                   return true;
                                 }));
  return ids;
}

// Ids of the actors that go by `name` as a name or alias.
absl::StatusOr<std::vector<std::string>> IdsNamed(rocksdb::DB* db,
                                                  std::string_view name) {
  std::vector<std::string> ids;
  RETURN_IF_ERROR(ForEachInRange(
      db, PrefixRange(AliasExactPrefix(NormalizeAlias(name))), "scan aliases",
      [&](std::string_view key, std::string_view) {
        std::optional<std::string> id = ActorIdFromAliasKey(key);
        if (id.has_value()) ids.push_back(std::move(*id));
        return true;
      }));
  return ids;
}

absl::StatusOr<std::vector<std::string>> ContextOf(rocksdb::DB* db,
                                                   const std::string& id) {
  std::string value;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), ActorContextKey(id), &value);
  if (s.IsNotFound()) return std::vector<std::string>();
  RETURN_IF_ERROR(FromRocks(s, "read actor context"));
  return std::vector<std::string>(
      absl::StrSplit(value, '\n', absl::SkipEmpty()));
}

// Among several stored candidates, the one sharing the most co-occurring
// actors with the article, if it shares strictly more than any other.
absl::StatusOr<std::string> ByContext(
    rocksdb::DB* db, const std::vector<std::string>& candidates,
    const absl::flat_hash_set<std::string>& article_ids) {
  std::string best;
  int best_shared = 0, rival = 0;
  for (const std::string& id : candidates) {
    ASSIGN_OR_RETURN(std::vector<std::string> context, ContextOf(db, id));
    int shared = 0;
    for (const std::string& other : context)
      shared += article_ids.contains(other) ? 1 : 0;
    if (shared > best_shared) {
      rival = best_shared;
      best_shared = shared;
      best = id;
    } else if (shared > rival) {
      rival = shared;
    }
  }
  return best_shared > rival ? best : "";
}

}  // namespace

std::string FoldName(std::string_view name) {
  static const icu::Transliterator* const kToAscii = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* t = icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status);
    return U_SUCCESS(status) ? t : nullptr;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (kToAscii != nullptr) kToAscii->transliterate(text);  // const: thread-safe
  std::string ascii;
  text.toUTF8String(ascii);
  std::string out;
  for (char c : ascii) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    } else if (c == '\'') {
      continue;  // "Tenants'" = "Tenants", "O'Brien" = "OBrien"
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsDiscovered(const Actor& actor) {
  return (actor.type() == claims::v1::PERSON ||
          actor.type() == claims::v1::ORGANIZATION) &&
         actor.country().empty() && actor.role().empty();
}

bool IsGlobalAlias(const Actor& actor, std::string_view alias) {
  const std::vector<std::string> w = Words(FoldName(alias));
  if (w.empty()) return false;
  const bool role =
      std::all_of(w.begin(), w.end(), [](const std::string& word) {
        return In(kTitleWords, word) || In(kNotNameWords, word);
      });
  if (role) return false;
  // Names whose family name comes first ("Xi Jinping", "Kim Jong-un"):
  // the first word is the surname, a fine alias.
  static constexpr std::string_view kFamilyNameFirst[] = {
      "CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP", "KHM"};
  if (In(kFamilyNameFirst, actor.country())) return true;
  if (actor.type() == claims::v1::PERSON && w.size() == 1) {
    const std::vector<std::string> name = Words(FoldName(actor.name()));
    if (name.size() >= 2 && name[0] == w[0] && SurnameStart(name) > 0)
      return false;
  }
  // A word of the language alone is no name of a discovered organisation
  // ("Line" of "Nordhav Line", "Group", "Holdings"): it would gather every
  // later article's use of the word.
  if (actor.type() == claims::v1::ORGANIZATION && w.size() == 1 && IsDiscovered(actor) &&
      IsLanguageWord(w[0]) && Words(FoldName(actor.name())).size() > 1) {
    return false;
  }
  return true;
}

std::vector<std::string> IdentityForms(const Actor& actor) {
  std::vector<std::string> forms;
  const std::vector<std::string> w = Words(FoldName(actor.name()));
  if (w.empty()) return forms;
  forms.push_back(absl::StrCat("name:", absl::StrJoin(w, " ")));
  const std::vector<std::string> written = WrittenWords(actor.name());
  if (actor.type() == claims::v1::PERSON && !SurnameOnly(written)) {
    const size_t s = SurnameStart(written);
    forms.push_back(absl::StrCat(
        "surname:", absl::StrJoin(written.begin() + s, written.end(), " ")));
    // Other romanisations of the name, and the given name's short or full
    // form, find it too (see RomanKey, FullGiven).
    forms.push_back(absl::StrCat("roman-name:", RomanKey(FullGiven(w))));
    forms.push_back(absl::StrCat("variant-name:", VariantKey(FullGiven(w))));
    forms.push_back(NameSet(w));
    if (HasSecondSurname(w)) forms.push_back(WithoutSecondSurname(w));
    if (written.size() >= 3) forms.push_back(FirstAndLast("first-last:", written));
    AddShortenedPersonForms(written, &forms);
    forms.push_back(absl::StrCat(
        "roman-surname:", RomanKey(Words(absl::StrJoin(written.begin() + s, written.end(), " ")))));
    // Written as one word ("Lobianco" of "Lo Bianco", "Vandenberg"), whole
    // or the surname alone: stored and looked up.
    forms.push_back(absl::StrCat("joined-name:", absl::StrJoin(w, "")));
    forms.push_back(absl::StrCat(
        "joined-surname:", absl::StrJoin(Words(absl::StrJoin(written.begin() + s, written.end(), " ")), "")));
    // Everything after the given name too: a double surname ("Quispe
    // Huaman" of "Julio Quispe Huaman", "García Márquez").
    if (s == written.size() - 1 && written.size() >= 3) {
      forms.push_back(absl::StrCat("surname:", absl::StrJoin(written.begin() + 1, written.end(), " ")));
    }
    // And the last two words after two given names ("Perez Alfonzo" of
    // "Juan Pablo Perez Alfonzo"), the second last no given name.
    if (s == written.size() - 1 && written.size() >= 4 && !IsGivenName(written[s - 1])) {
      forms.push_back(absl::StrCat("surname:", written[s - 1], " ", written[s]));
    }
    // The first half of a double-barrelled surname, as news shortens
    // one ("Ms Adeyemo" of "Folasade Adeyemo-Bakare"), unless it is a word
    // of the language ("Smith" of "Smith-Jones" names too many).
    if (const std::vector<std::string> halves = Words(written.back());
        halves.size() == 2 && !In(kSurnameParticles, halves[0]) && !IsLanguageWord(halves[0])) {
      forms.push_back(absl::StrCat("surname:", halves[0]));
    }
    // The last word alone too ("Rashidi" of "al-Rashidi"), unless it is
    // half of a double-barrelled name ("Bell" of "Okonkwo-Bell").
    if (s + 1 < written.size() || Words(written.back()).size() > 1) {
      const std::string last = w.back();
      if (written.back().find(' ') == std::string::npos ||
          In(kSurnameParticles, Words(written.back()).front())) {
        forms.push_back(absl::StrCat("surname:", last));
      }
    }
  } else if (actor.type() == claims::v1::ORGANIZATION) {
    // The name without its legal form too, which short forms begin with.
    const std::vector<std::string> core = WithoutLegalForm(w);
    AddNameWithoutLegalForm(w, core, &forms);
    AddRomanOrganisationForm(core, &forms);
    const std::string acronym = core.size() >= 2 ? Acronym(core) : "";
    if (!acronym.empty()) forms.push_back(absl::StrCat("acronym:", acronym));
    // Each word of the name that is no word of the language, for the
    // shorter names that leave words out (see MatchOrganisationWords).
    for (const std::string& word : core) {
      std::string form = absl::StrCat("org-word:", word);
      if (!IsLanguageWordOrPlural(word) &&
          std::find(forms.begin(), forms.end(), form) == forms.end()) {
        forms.push_back(std::move(form));
      }
    }
    // An acronym the article gave it ("Anti-Corruption Foundation (FBK)").
    for (const std::string& alias : actor.aliases()) {
      if (IsAcronym(alias)) {
        std::string form = absl::StrCat("acronym:", FoldName(alias));
        if (std::find(forms.begin(), forms.end(), form) == forms.end())
          forms.push_back(std::move(form));
      }
    }
  }
  return forms;
}

namespace {

// True when a short form may stand for one actor: at least one of its
// folded words is no word of the language ("Nordhav", not "National").
bool NameLike(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& w) { return !IsLanguageWord(w); });
}

// The one discovered actor of `type` among `ids` other than `self`; the
// empty identity when there is none or more than one.
absl::StatusOr<StoredIdentity> OneDiscovered(rocksdb::DB* db, std::vector<std::string> ids,
                                             const std::string& self,
                                             claims::v1::ActorType type) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  StoredIdentity found;
  for (const std::string& id : ids) {
    if (id == self) continue;
    absl::StatusOr<Actor> stored = ReadActorRecord(db, id);
    if (absl::IsNotFound(stored.status())) continue;
    if (!stored.ok()) return stored.status();
    if (stored->type() != type || !IsDiscovered(*stored)) continue;
    if (!found.id.empty()) return StoredIdentity();  // two candidates
    found = StoredIdentity{id, stored->name(), type};
  }
  return found;
}

// The stored actor of the other type that a discovered actor found under
// none of its own type's forms is, when the tagger mistyped a short form:
//   * a person's name that is an organisation's name or its leading words
//     ("Nordhav", PERSON, of "Nordhav Line") or its acronym ("Madek" of
//     "... Derneği (MADEK)"), unless an honorific makes it a person ("Ms
//     Nordhav");
//   * an organisation's name of two or more words that is a person's
//     surname ("Quispe Huaman", ORGANIZATION, of "Julio Quispe Huaman"); one
//     word is not enough, firms are named after people ("Dyson");
//   * an organisation's name with a legal form whose other words are a
//     person's whole name ("Sanriku Kaisan Co." of "Sanriku Kaisan").
// Only discovered actors are joined (the short forms of known ones are the
// knowledge base's), the short form must be name-like, and no actor but
// the one candidate may go by it (a known person's alias "Johnson" keeps
// "Johnson" from "Johnson Matthey"); else the empty identity. An actor
// stored under the same id keeps its type ("Nordhav Line" stays an
// organisation when a later article's tagger calls it a person).
absl::StatusOr<StoredIdentity> MatchOtherType(rocksdb::DB* db,
                                              const Actor& actor) {
  const bool person = actor.type() == claims::v1::PERSON;
  if (person && GenderOf(actor) != 0) return StoredIdentity();
  const claims::v1::ActorType other =
      person ? claims::v1::ORGANIZATION : claims::v1::PERSON;
  absl::StatusOr<Actor> self = ReadActorRecord(db, actor.id());
  if (self.ok() && self->type() == other && IsDiscovered(*self)) {
    return StoredIdentity{actor.id(), self->name(), other};
  }
  if (!self.ok() && !absl::IsNotFound(self.status())) return self.status();
  const std::string folded = FoldName(actor.name());
  const std::vector<std::string> w = Words(folded);
  if (w.empty() || !NameLike(w)) return StoredIdentity();
  std::vector<std::string> ids;
  if (person) {
    ASSIGN_OR_RETURN(ids, IdsUnderLeading(db, absl::StrCat("name:", folded)));
    // Or its acronym written as a word ("Madek" of "... Derneği (MADEK)").
    if (ids.empty() && w.size() == 1 && folded.size() <= 6) {
      ASSIGN_OR_RETURN(ids, IdsUnder(db, absl::StrCat("acronym:", folded)));
    }
  } else {
    if (w.size() < 2) return StoredIdentity();
    ASSIGN_OR_RETURN(ids, IdsUnder(db, absl::StrCat("surname:", folded)));
    // A company's name with its legal form is the whole name of a "person"
    // the tagger typed so in an earlier article ("Sanriku Kaisan Co." of
    // "Sanriku Kaisan"): the legal form settles what it is.
    const std::vector<std::string> core = WithoutLegalForm(w);
    if (ids.empty() && !core.empty() && core.size() < w.size() && NameLike(core)) {
      ASSIGN_OR_RETURN(ids, IdsUnder(db, absl::StrCat("name:", absl::StrJoin(core, " "))));
    }
  }
  ASSIGN_OR_RETURN(StoredIdentity found, OneDiscovered(db, std::move(ids), actor.id(), other));
  if (found.id.empty()) return found;
  ASSIGN_OR_RETURN(std::vector<std::string> named, IdsNamed(db, actor.name()));
  for (const std::string& id : named) {
    if (id != found.id) return StoredIdentity();
  }
  return found;
}

// The ids among `ids`, other than `self`, whose stored actor `fits`
// (absent records skipped). Errors are RocksDB read errors.
template <typename Fits>
absl::StatusOr<std::vector<std::string>> StoredThatFit(rocksdb::DB* db,
                                                       const std::vector<std::string>& ids,
                                                       const std::string& self, Fits fits) {
  std::vector<std::string> fitting;
  for (const std::string& id : ids) {
    if (id == self) continue;
    absl::StatusOr<Actor> stored = ReadActorRecord(db, id);
    if (absl::IsNotFound(stored.status())) continue;
    if (!stored.ok()) return stored.status();
    if (fits(*stored)) fitting.push_back(id);
  }
  return fitting;
}

// True when the organisation's folded name words `longer` are the name
// `shorter` of two words or more and a head noun ("Niels Bohr Institute"):
// named for it, most often for a person, and no longer form of it.
bool NamedFor(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.size() < 2 || longer.size() != shorter.size() + 1) return false;
  std::string head = longer.back();  // as written: "Institute"
  head[0] = absl::ascii_toupper(static_cast<unsigned char>(head[0]));
  return IsOrganisationHead(head);
}

// A discovered organisation is the one discovered organisation stored
// under a longer name that begins with its name ("Padma Knit" of "Padma
// Knit Composite Ltd", "Kobowise" of "Kobowise Technologies Ltd"), when no
// other goes by that start. One word must be no word of the language
// ("Kobowise", not "Global"). A name with a legal form looks by its name
// without it ("Mekong Xanh Seafood JSC" finds "Mekong Xanh Seafood Joint
// Stock Company").
absl::StatusOr<StoredIdentity> MatchShortenedOrganisation(rocksdb::DB* db,
                                                          const Actor& actor) {
  if (actor.type() != claims::v1::ORGANIZATION || !IsDiscovered(actor)) return StoredIdentity();
  const std::vector<std::string> w = WithoutLegalForm(Words(FoldName(actor.name())));
  if (w.empty() || (w.size() == 1 && !NameLike(w))) return StoredIdentity();
  ASSIGN_OR_RETURN(std::vector<std::string> ids,
                   IdsUnderLeading(db, absl::StrCat("name:", absl::StrJoin(w, " "))));
  if (w.size() >= 2) {
    ASSIGN_OR_RETURN(ids, StoredThatFit(db, ids, actor.id(), [&](const Actor& stored) {
                       return !NamedFor(w, WithoutLegalForm(Words(FoldName(stored.name()))));
                     }));
  }
  return OneDiscovered(db, std::move(ids), actor.id(), claims::v1::ORGANIZATION);
}

// True when the words of `shorter` are those of `longer` with some
// dropped, in order.
bool IsSubsequence(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  size_t j = 0;
  for (const std::string& word : longer) {
    if (j < shorter.size() && word == shorter[j]) ++j;
  }
  return j == shorter.size();
}

// A person's name of three words or more is the one stored person of the
// same first and last name whose middle names hold its own ("Tran Ngoc
// Hanh" of "Tran Thi Ngoc Hanh"; never "Rosario T." of "Rosario B.
// Macaraeg").
absl::StatusOr<StoredIdentity> MatchWithFewerMiddleNames(rocksdb::DB* db, const Actor& actor) {
  const std::vector<std::string> written = WrittenWords(actor.name());
  if (actor.type() != claims::v1::PERSON || written.size() < 3) return StoredIdentity();
  ASSIGN_OR_RETURN(std::vector<std::string> ids,
                   IdsUnder(db, FirstAndLast("first-last:", written)));
  ASSIGN_OR_RETURN(std::vector<std::string> fitting,
                   StoredThatFit(db, ids, actor.id(), [&](const Actor& stored) {
                     return IsSubsequence(written, WrittenWords(stored.name()));
                   }));
  return OneDiscovered(db, std::move(fitting), actor.id(), claims::v1::PERSON);
}

// A discovered organisation of two words or more is the one discovered
// organisation stored under a longer name that has all its words in order
// ("Minera Tambopata" of "Minera Aurífera Tambopata S.A.C.", "Coopérative
// Tifaout" of "Coopérative féminine Tifaout pour l'argan"), found by its
// words that are no words of the language (at least one: "Date Palm
// Growers' Union" finds nothing).
absl::StatusOr<StoredIdentity> MatchOrganisationWords(rocksdb::DB* db, const Actor& actor) {
  if (actor.type() != claims::v1::ORGANIZATION || !IsDiscovered(actor)) return StoredIdentity();
  const std::vector<std::string> core = WithoutLegalForm(Words(FoldName(actor.name())));
  if (core.size() < 2) return StoredIdentity();
  std::vector<std::string> ids;
  bool first = true;
  for (const std::string& word : core) {
    if (IsLanguageWordOrPlural(word)) continue;
    ASSIGN_OR_RETURN(std::vector<std::string> with, IdsUnder(db, absl::StrCat("org-word:", word)));
    std::sort(with.begin(), with.end());
    if (!first) {
      std::vector<std::string> both;
      std::set_intersection(ids.begin(), ids.end(), with.begin(), with.end(),
                            std::back_inserter(both));
      with = std::move(both);
    }
    ids = std::move(with);
    first = false;
  }
  ASSIGN_OR_RETURN(std::vector<std::string> fitting,
                   StoredThatFit(db, ids, actor.id(), [&](const Actor& stored) {
                     const std::vector<std::string> longer =
                         WithoutLegalForm(Words(FoldName(stored.name())));
                     return longer.size() > core.size() && IsSubsequence(core, longer) &&
                            !NamedFor(core, longer);
                   }));
  return OneDiscovered(db, std::move(fitting), actor.id(), claims::v1::ORGANIZATION);
}

// Letters of the shortest short form of a given name MatchInitial takes
// ("Ed" may be Edward, Edmund or Edwin).
constexpr size_t kShortFormLetters = 4;

// A person written with an initial for the given name is the one stored
// person of that surname whose given name begins with it, and the other
// way round ("S. Thangavelu" = "Selvaraj Thangavelu", as South Indian and
// Sri Lankan news and many lists write names); so is one written with the
// given name's first four letters or more, its usual short form ("Chris
// Barnard" = "Christiaan Barnard", "Alex" of "Alexander"); two names only.
absl::StatusOr<StoredIdentity> MatchInitial(rocksdb::DB* db, const Actor& actor) {
  const std::vector<std::string> written = WrittenWords(actor.name());
  if (actor.type() != claims::v1::PERSON || written.size() != 2 ||
      In(kSurnameParticles, written[0])) {
    return StoredIdentity();
  }
  ASSIGN_OR_RETURN(std::vector<std::string> ids,
                   IdsUnder(db, absl::StrCat("surname:", written[1])));
  const char gender = GenderOf(actor);
  ASSIGN_OR_RETURN(
      std::vector<std::string> fitting,
      StoredThatFit(db, ids, actor.id(), [&](const Actor& stored) {
        const std::vector<std::string> other = WrittenWords(stored.name());
        if (other.size() != 2 || other[1] != written[1]) return false;
        const char other_gender = GenderOf(stored);
        if (gender != 0 && other_gender != 0 && gender != other_gender) return false;
        const bool shorter = written[0].size() < other[0].size();
        const std::string& initial = shorter ? written[0] : other[0];
        const std::string& given = shorter ? other[0] : written[0];
        // (A compound given name is no longer form of its first part:
        // "Jean" is not "Jean-François".)
        if ((initial.size() != 1 && initial.size() < kShortFormLetters) ||
            given.size() <= initial.size() || !absl::StartsWith(given, initial) ||
            (initial.size() > 1 && given[initial.size()] == ' ')) {
          return false;
        }
        // An initial already known as another given name ("R." as
        // "Rajendran") is not "Ravi"; an honorific is no given name ("Dr
        // Barnard").
        return std::none_of(stored.aliases().begin(), stored.aliases().end(),
                            [&](const std::string& alias) {
                              const std::vector<std::string> a = WrittenWords(alias);
                              return a.size() == 2 && a[1] == written[1] && a[0].size() > 1 &&
                                     a[0] != given && !In(kTitleWords, a[0]);
                            });
      }));
  return OneDiscovered(db, std::move(fitting), actor.id(), claims::v1::PERSON);
}

// The one stored actor `actor` is, or "" (none, or ambiguous).
absl::StatusOr<StoredIdentity> MatchOne(
    rocksdb::DB* db, const Actor& actor,
    const absl::flat_hash_set<std::string>& article_ids) {
  std::vector<std::string> candidates;
  std::map<std::string, std::string> names;
  const char gender = GenderOf(actor);
  // Whether the actor stored under the article's own id has its full name:
  // then a name that opens with a given name is no double surname of
  // someone else ("Pablo Escobar" is not "Juan Pablo Escobar"; "Ferreira
  // Pinto" may still be "Graça Ferreira Pinto").
  bool self_named = false;
  const std::vector<std::string> words = Words(FoldName(actor.name()));
  const bool given_first = !words.empty() && IsGivenName(words[0]);
  for (const std::string& form : LookupForms(actor)) {
    if (self_named && given_first && absl::StartsWith(form, "surname:")) continue;
    ASSIGN_OR_RETURN(std::vector<std::string> ids, IdsUnder(db, form));
    for (const std::string& id : ids) {
      if (id == actor.id()) {
        self_named = self_named || absl::StartsWith(form, "name:");
        continue;
      }
      absl::StatusOr<Actor> stored = ReadActorRecord(db, id);
      if (absl::IsNotFound(stored.status())) continue;
      if (!stored.ok()) return stored.status();
      if (stored->type() != actor.type()) continue;
      const char other = GenderOf(*stored);
      if (gender != 0 && other != 0 && gender != other) continue;
      candidates.push_back(id);
      names[id] = stored->name();
    }
    if (!candidates.empty()) break;
  }
  if (candidates.empty()) {
    ASSIGN_OR_RETURN(StoredIdentity shortened, MatchShortenedOrganisation(db, actor));
    if (!shortened.id.empty()) return shortened;
    ASSIGN_OR_RETURN(StoredIdentity fewer_words, MatchOrganisationWords(db, actor));
    if (!fewer_words.id.empty()) return fewer_words;
    ASSIGN_OR_RETURN(StoredIdentity fewer, MatchWithFewerMiddleNames(db, actor));
    if (!fewer.id.empty()) return fewer;
    ASSIGN_OR_RETURN(StoredIdentity initial, MatchInitial(db, actor));
    if (!initial.id.empty()) return initial;
    return MatchOtherType(db, actor);
  }
  std::string chosen;
  if (candidates.size() == 1) {
    chosen = candidates[0];
  } else if (candidates.size() > 1) {
    absl::flat_hash_set<std::string> others = article_ids;
    others.erase(actor.id());
    ASSIGN_OR_RETURN(chosen, ByContext(db, candidates, others));
  }
  if (chosen.empty()) return StoredIdentity();
  return StoredIdentity{chosen, names[chosen], actor.type()};
}

// A name the tagger took for a place the knowledge base does not know is
// the one discovered person or organisation stored under it: an acronym
// ("The FBK") an organisation's; another name-like form ("said
// Darko-Mensah") a person's surname or full name, or an organisation's
// name, only when the stored actor was named with actors this article
// names too.
absl::StatusOr<StoredIdentity> MatchMistypedPlace(
    rocksdb::DB* db, const Actor& actor,
    const absl::flat_hash_set<std::string>& article_ids) {
  if (actor.type() != claims::v1::LOCATION || !actor.country().empty()) {
    return StoredIdentity();
  }
  const std::string folded = FoldName(actor.name());
  const std::vector<std::string> w = Words(folded);
  std::vector<std::string> forms;
  if (IsAcronym(actor.name())) {
    forms = {absl::StrCat("acronym:", folded)};
  } else if (!w.empty() && NameLike(w)) {
    forms = {absl::StrCat("surname:", folded), absl::StrCat("name:", folded)};
  } else {
    return StoredIdentity();
  }
  std::map<std::string, StoredIdentity> found;
  for (const std::string& form : forms) {
    ASSIGN_OR_RETURN(std::vector<std::string> ids, IdsUnder(db, form));
    for (const std::string& id : ids) {
      if (found.count(id) > 0) continue;
      absl::StatusOr<Actor> stored = ReadActorRecord(db, id);
      if (absl::IsNotFound(stored.status())) continue;
      if (!stored.ok()) return stored.status();
      if (IsDiscovered(*stored)) found[id] = StoredIdentity{id, stored->name(), stored->type()};
    }
  }
  if (found.size() != 1) return StoredIdentity();
  if (!IsAcronym(actor.name())) {
    absl::flat_hash_set<std::string> others = article_ids;
    others.erase(actor.id());
    ASSIGN_OR_RETURN(std::string chosen, ByContext(db, {found.begin()->first}, others));
    if (chosen.empty()) return StoredIdentity();
  }
  return found.begin()->second;
}

void Rename(const IdentityMap& identities, ActorRef* ref) {
  auto it = identities.find(ref->id());
  if (it == identities.end()) return;
  ref->set_id(it->second.id);
  ref->set_name(it->second.name);
  ref->set_type(it->second.type);
}

}  // namespace

absl::StatusOr<IdentityMap> MatchStoredActors(rocksdb::DB* db,
                                              const AnalyzeResponse& analysis) {
  IdentityMap out;
  absl::flat_hash_set<std::string> article_ids;
  for (const Actor& a : analysis.actors()) article_ids.insert(a.id());
  for (const Actor& a : analysis.actors()) {
    if (out.count(a.id()) > 0) continue;
    if (!IsDiscovered(a)) {
      ASSIGN_OR_RETURN(StoredIdentity found, MatchMistypedPlace(db, a, article_ids));
      if (!found.id.empty()) out[a.id()] = std::move(found);
      continue;
    }
    ASSIGN_OR_RETURN(StoredIdentity found, MatchOne(db, a, article_ids));
    if (!found.id.empty()) out[a.id()] = std::move(found);
  }
  return out;
}

void ApplyIdentities(const IdentityMap& identities, AnalyzeResponse* analysis) {
  if (identities.empty()) return;
  for (Actor& a : *analysis->mutable_actors()) {
    auto it = identities.find(a.id());
    if (it == identities.end()) continue;
    if (a.name() != it->second.name && IsGlobalAlias(a, a.name()))
      a.add_aliases(a.name());
    a.set_id(it->second.id);
    a.set_name(it->second.name);
    a.set_type(it->second.type);
  }
  for (claims::v1::Mention& m : *analysis->mutable_mentions()) {
    auto it = identities.find(m.actor_id());
    if (it == identities.end()) continue;
    m.set_actor_id(it->second.id);
    m.set_type(it->second.type);
  }
  for (claims::v1::Claim& c : *analysis->mutable_claims()) {
    for (ActorRef& r : *c.mutable_subjects()) Rename(identities, &r);
    for (ActorRef& r : *c.mutable_objects()) Rename(identities, &r);
    for (ActorRef& r : *c.mutable_participants()) Rename(identities, &r);
    if (c.has_modality_source())
      Rename(identities, c.mutable_modality_source());
  }
}

absl::Status WriteIdentityRecords(rocksdb::DB* db,
                                  const AnalyzeResponse& analysis,
                                  rocksdb::WriteBatch* batch) {
  std::vector<std::string> article_ids;
  for (const Actor& a : analysis.actors()) {
    if (std::find(article_ids.begin(), article_ids.end(), a.id()) ==
        article_ids.end()) {
      article_ids.push_back(a.id());
    }
  }
  absl::flat_hash_set<std::string> done;
  for (const Actor& a : analysis.actors()) {
    if (!IsValidKeyId(a.id()) || !done.insert(a.id()).second) continue;
    if (a.type() != claims::v1::PERSON && a.type() != claims::v1::ORGANIZATION)
      continue;
    const bool discovered = IsDiscovered(a);
    std::vector<std::string> forms = IdentityForms(a);
    // Known actors are found by full name only (spelling variants the
    // extractor did not link); their surnames belong to the knowledge base.
    if (!discovered && forms.size() > 1) forms.resize(1);
    for (const std::string& form : forms) {
      RETURN_IF_ERROR(
          FromRocks(batch->Put(IdentityKey(form, a.id()), ""), "batch"));
    }
    if (!discovered) continue;
    ASSIGN_OR_RETURN(std::vector<std::string> context, ContextOf(db, a.id()));
    std::vector<std::string> merged;
    for (const std::string& id : article_ids) {
      if (id != a.id()) merged.push_back(id);
    }
    for (const std::string& id : context) {
      if (merged.size() >= kMaxContext) break;
      if (std::find(merged.begin(), merged.end(), id) == merged.end())
        merged.push_back(id);
    }
    if (merged.size() > kMaxContext) merged.resize(kMaxContext);
    RETURN_IF_ERROR(FromRocks(
        batch->Put(ActorContextKey(a.id()), absl::StrJoin(merged, "\n")),
        "batch"));
  }
  return absl::OkStatus();
}

}  // namespace claims::store_internal
