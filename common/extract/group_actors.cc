#include "common/extract/group_actors.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/extract/lexicon.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

using syntax::DepRel;
using syntax::Upos;

absl::Status ParseRow(const std::vector<std::string>& f, std::string* lemma, GroupNoun* out) {
  if (f.size() != 4) return absl::InvalidArgumentError("expected 4 tab-separated fields");
  *lemma = absl::AsciiStrToLower(f[0]);
  out->sector = f[1];
  if (out->sector.empty()) return absl::InvalidArgumentError("empty sector");
  if (!claims::v1::ActorType_Parse(f[2], &out->type) ||
      (out->type != claims::v1::GROUP && out->type != claims::v1::ORGANIZATION)) {
    return absl::InvalidArgumentError(
        absl::StrCat("type must be GROUP or ORGANIZATION, not \"", f[2], "\""));
  }
  if (f[3] != "plural" && f[3] != "definite" && f[3] != "singular" && f[3] != "any") {
    return absl::InvalidArgumentError("number must be plural, definite, singular or any");
  }
  out->plural_only = f[3] == "plural";
  out->singular_only = f[3] == "singular";
  out->definite_singular = f[3] == "definite" || out->singular_only;
  return absl::OkStatus();
}

// The group actors of one article, added to its MentionResult.
class ArticleGroups {
 public:
  ArticleGroups(const GroupActorFinder& finder, const KnowledgeBase& kb,
                MentionResult* result)
      : finder_(finder), kb_(kb), result_(*result) {
    for (size_t a = 0; a < result_.actors.size(); ++a) {
      by_id_.emplace(result_.actors[a].id, static_cast<int>(a));
    }
  }

  void Sentence(int si, const SentenceTokens& s) {
    const size_t n = std::min(s.tokens.size(), s.words.size());
    covering_.assign(n, -1);
    for (const FoundMention& m : result_.mentions) {
      if (m.sentence != si) continue;
      for (int k = m.first_token; k < m.last_token && k < static_cast<int>(n); ++k) {
        covering_[static_cast<size_t>(k)] = m.actor >= 0 ? m.actor : -2;
      }
    }
    children_.assign(n, {});
    for (size_t k = 0; k < n; ++k) {
      const int head = s.words[k].head;
      if (head >= 0 && static_cast<size_t>(head) < n) children_[static_cast<size_t>(head)].push_back(static_cast<int>(k));
    }
    for (size_t i = 0; i < n; ++i) {
      if (covering_[i] != -1) continue;
      const GroupNoun* noun = NounAt(s, static_cast<int>(i));
      if (noun != nullptr) Add(si, s, static_cast<int>(i), *noun);
    }
  }

  void Finish() {
    std::stable_sort(result_.mentions.begin(), result_.mentions.end(),
                     [](const FoundMention& a, const FoundMention& b) { return a.start < b.start; });
  }

 private:
  // The group noun heading a noun phrase at word i, or null: a noun of the
  // table in the right number ("officials", not "the official"), or a
  // person noun whose compound is one ("opposition leaders", "union
  // members"). A noun modifying another noun ("police station") is none.
  const GroupNoun* NounAt(const SentenceTokens& s, int i) const {
    const syntax::SyntaxWord& w = s.words[static_cast<size_t>(i)];
    if (w.upos != Upos::kNoun && w.upos != Upos::kPropn) return nullptr;
    if (w.rel == DepRel::kCompound) return nullptr;
    const bool plural = w.xpos == "NNS" || w.xpos == "NNPS";
    const GroupNoun* noun = finder_.Lookup(absl::AsciiStrToLower(w.lemma));
    if (noun != nullptr && noun->sector == "-") {
      // A head that takes its compound's sector, unless it describes a
      // person named beside it ("the opposition leader, Adrian Delia").
      if (!plural && BesidePerson(s, i)) return nullptr;
      noun = nullptr;
      for (int k : children_[static_cast<size_t>(i)]) {
        if (s.words[static_cast<size_t>(k)].rel != DepRel::kCompound) continue;
        // "A World Bank spokesman" speaks for the bank the name is.
        if (covering_[static_cast<size_t>(k)] >= 0) return nullptr;
        const GroupNoun* c = finder_.Lookup(absl::AsciiStrToLower(s.words[static_cast<size_t>(k)].lemma));
        if (c != nullptr && c->sector != "-") noun = c;
      }
      return noun;
    }
    if (noun == nullptr || (noun->plural_only && !plural) || (noun->singular_only && plural)) {
      return nullptr;
    }
    if (noun->definite_singular && !plural && !IsDefinite(s, i)) return nullptr;
    return noun;
  }

  // Whether word i is in apposition with a person's name: "Moto, an
  // opposition leader", "the opposition leader, Adrian Delia", "Army chief
  // of staff General Honore Traore" (the name a bare nmod of the title).
  bool BesidePerson(const SentenceTokens& s, int i) const {
    auto person = [&](int k) {
      const int actor = covering_[static_cast<size_t>(k)];
      return actor >= 0 && result_.actors[static_cast<size_t>(actor)].type == claims::v1::PERSON;
    };
    const syntax::SyntaxWord& w = s.words[static_cast<size_t>(i)];
    if (w.rel == DepRel::kAppos && w.head >= 0 && person(w.head)) return true;
    for (int k : children_[static_cast<size_t>(i)]) {
      const DepRel rel = s.words[static_cast<size_t>(k)].rel;
      if (k > i && (rel == DepRel::kAppos || rel == DepRel::kFlat ||
                    (rel == DepRel::kNmod && !HasCase(s, k))) && person(k)) {
        return true;
      }
    }
    return false;
  }

  bool HasCase(const SentenceTokens& s, int k) const {
    const std::vector<int>& c = children_[static_cast<size_t>(k)];
    return std::any_of(c.begin(), c.end(), [&](int j) {
      return s.words[static_cast<size_t>(j)].rel == DepRel::kCase;
    });
  }

  // "the government", "Kenya's government", "its opposition".
  bool IsDefinite(const SentenceTokens& s, int i) const {
    for (int k : children_[static_cast<size_t>(i)]) {
      const syntax::SyntaxWord& w = s.words[static_cast<size_t>(k)];
      if (w.rel == DepRel::kNmodPoss) return true;
      if (w.rel == DepRel::kDet && absl::AsciiStrToLower(w.form) == "the") return true;
    }
    return false;
  }

  // The country the phrase headed by word i names: a demonym, possessor,
  // compound or place attached to it ("French", "Kenya's", "in Punjab").
  std::string PhraseCountry(const SentenceTokens& s, int i) const {
    for (int k : children_[static_cast<size_t>(i)]) {
      switch (s.words[static_cast<size_t>(k)].rel) {
        case DepRel::kAmod: case DepRel::kCompound: case DepRel::kNmodPoss:
        case DepRel::kNmod:
          break;
        default:
          continue;
      }
      const int actor = covering_[static_cast<size_t>(k)];
      if (actor >= 0 && !result_.actors[static_cast<size_t>(actor)].country.empty()) {
        return result_.actors[static_cast<size_t>(actor)].country;
      }
    }
    return "";
  }

  // Leftmost word of the phrase: adjacent compounds and adjectives before
  // the noun ("Refinery workers", "French farmers").
  int PhraseStart(const SentenceTokens& s, int i) const {
    int start = i;
    for (bool grew = true; grew;) {
      grew = false;
      for (int k : children_[static_cast<size_t>(i)]) {
        const DepRel rel = s.words[static_cast<size_t>(k)].rel;
        if (k == start - 1 && (rel == DepRel::kCompound || rel == DepRel::kAmod)) {
          start = k;
          grew = true;
        }
      }
    }
    return start;
  }

  void Add(int si, const SentenceTokens& s, int i, const GroupNoun& noun) {
    std::string country = PhraseCountry(s, i);
    const bool focus = country.empty();
    if (focus && !result_.focus_countries.empty()) country = result_.focus_countries.front();
    // Without a country "officials" are nobody in particular; "police" are
    // still the police.
    if (country.empty() && noun.sector == "government") return;
    const int actor = noun.sector == "government" ? CountryActor(country)
                                                  : SectorActor(country, noun);
    if (actor < 0) return;
    const int start = PhraseStart(s, i);
    FoundMention m;
    m.start = s.tokens[static_cast<size_t>(start)].start;
    m.end = s.tokens[static_cast<size_t>(i)].end;
    m.sentence = si;
    m.first_token = start;
    m.last_token = i + 1;
    m.type = result_.actors[static_cast<size_t>(actor)].type;
    m.actor = actor;
    m.is_name = false;
    m.evidence = absl::StrCat("group:", absl::AsciiStrToLower(s.words[static_cast<size_t>(i)].lemma),
                              "@", country.empty() ? "-" : country, focus ? ":focus" : "");
    ++result_.actors[static_cast<size_t>(actor)].mention_count;
    result_.mentions.push_back(std::move(m));
    for (int k = start; k <= i; ++k) covering_[static_cast<size_t>(k)] = actor;
  }

  int CountryActor(const std::string& iso3) {
    auto it = by_id_.find(iso3);
    if (it != by_id_.end()) return it->second;
    const int k = kb_.IndexOf(iso3);
    if (k < 0) return -1;
    return Push(ArticleActor::FromKb(kb_.actor(k), k));
  }

  // "<ISO3>-<sector>" named "Police (Chile)", or, with no country known,
  // "<sector>" named "Police".
  int SectorActor(const std::string& iso3, const GroupNoun& noun) {
    const std::string id = iso3.empty() ? noun.sector : absl::StrCat(iso3, "-", noun.sector);
    auto it = by_id_.find(id);
    if (it != by_id_.end()) return it->second;
    const int k = iso3.empty() ? -1 : kb_.IndexOf(iso3);
    std::string label = noun.sector;
    if (!label.empty()) label[0] = absl::ascii_toupper(static_cast<unsigned char>(label[0]));
    ArticleActor a;
    a.id = id;
    a.name = iso3.empty() ? label
                          : absl::StrCat(label, " (", k >= 0 ? kb_.actor(k).name : iso3, ")");
    a.type = noun.type;
    a.kind = "sector";
    a.country = iso3;
    a.role = noun.sector;
    return Push(std::move(a));
  }

  int Push(ArticleActor a) {
    const int idx = static_cast<int>(result_.actors.size());
    by_id_.emplace(a.id, idx);
    result_.actors.push_back(std::move(a));
    return idx;
  }

  const GroupActorFinder& finder_;
  const KnowledgeBase& kb_;
  MentionResult& result_;
  absl::flat_hash_map<std::string, int> by_id_;
  // Per token: the actor of the mention covering it, -2 for a mention
  // without an actor, -1 for none.
  std::vector<int> covering_;
  std::vector<std::vector<int>> children_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<GroupActorFinder>> GroupActorFinder::Load(
    const std::string& dir, const KnowledgeBase& kb) {
  std::unique_ptr<GroupActorFinder> out(new GroupActorFinder(kb));
  absl::Status read = ReadDataRows(dir, "group_nouns.tsv", true, [&](const auto& fields) {
    std::string lemma;
    GroupNoun noun;
    RETURN_IF_ERROR(ParseRow(fields, &lemma, &noun));
    out->nouns_[lemma] = std::move(noun);
    return absl::OkStatus();
  });
  if (!read.ok()) return read;
  return out;
}

const GroupNoun* GroupActorFinder::Lookup(const std::string& lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? nullptr : &it->second;
}

void GroupActorFinder::Find(const std::vector<SentenceTokens>& sentences,
                            MentionResult* result) const {
  ArticleGroups groups(*this, kb_, result);
  for (size_t i = 0; i < sentences.size(); ++i) {
    groups.Sentence(static_cast<int>(i), sentences[i]);
  }
  groups.Finish();
}

}  // namespace claims
