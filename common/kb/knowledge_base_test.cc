#include "common/kb/knowledge_base.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/kb/unaccent.h"
#include "common/testing/scratch.h"
#include "common/text/tokenizer.h"
#include "common/util/bundled_data.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

std::string DataDir() { return BundledDataDir(); }

std::unique_ptr<KnowledgeBase> Small() {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "president", "kind": "title", "aliases": ["President", "president"]})",
      R"({"id": "prime-minister", "kind": "title", "aliases": ["Prime Minister", "PM"]})",
      R"({"id": "ISR", "name": "Israel", "type": "LOCATION", "kind": "country", "demonyms": ["Israeli"], "group_names": ["Israelis"], "capitals": ["Jerusalem"]})",
      R"({"id": "a-one", "name": "Alice One", "type": "PERSON", "offices": [{"title": "prime-minister", "country": "ISR", "start": "2000-01-01", "end": "2005-06-01"}]})",
      R"({"id": "b-two", "name": "Bob Two", "type": "PERSON", "offices": [{"title": "prime-minister", "country": "ISR", "start": "2005-06-01"}]})",
  });
  EXPECT_TRUE(kb.ok()) << kb.status();
  return kb.ok() ? std::move(*kb) : nullptr;
}

TEST(KnowledgeBaseTest, AliasesDemonymsCapitalsAndSurnames) {
  auto kb = Small();
  ASSERT_NE(kb, nullptr);
  auto id_of = [&](const char* surface) -> std::string {
    const auto* m = kb->Find(surface);
    return m == nullptr ? "" : kb->actor(m->front().actor).id;
  };
  EXPECT_EQ(id_of("Israel"), "ISR");
  EXPECT_EQ(id_of("Israeli"), "ISR");
  EXPECT_EQ(id_of("Jerusalem"), "ISR");
  EXPECT_EQ(id_of("Two"), "b-two");
  EXPECT_EQ(kb->Find("Israeli")->front().kind, AliasKind::kDemonym);
  EXPECT_EQ(kb->Find("israel"), nullptr);
  ASSERT_NE(kb->FindFolded("ISRAEL"), nullptr);
  EXPECT_EQ(*kb->FindTitle("PM"), "prime-minister");
}

TEST(KnowledgeBaseTest, SpellingsWithAndWithoutDiacriticsMeet) {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "recep-tayyip-erdogan", "name": "Recep Tayyip Erdoğan", "type": "PERSON", "kind": "person", "aliases": ["Erdoğan"]})",
      R"({"id": "lech-walesa", "name": "Lech Walesa", "type": "PERSON", "kind": "person", "aliases": ["Walesa"]})",
      R"({"id": "milo-dukanovic", "name": "Milo Đukanović", "type": "PERSON", "kind": "person"})",
      R"({"id": "horst-kohler", "name": "Horst Köhler", "type": "PERSON", "kind": "person"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  auto id_of = [&](const char* surface) -> std::string {
    const auto* m = (*kb)->FindUnaccented(surface);
    return m == nullptr ? "" : (*kb)->actor(m->front().actor).id;
  };
  EXPECT_EQ(id_of("Erdogan"), "recep-tayyip-erdogan");
  EXPECT_EQ(id_of("Recep Tayyip Erdogan"), "recep-tayyip-erdogan");
  EXPECT_EQ(id_of("Wałęsa"), "lech-walesa");
  EXPECT_EQ(id_of("Lech Wałęsa"), "lech-walesa");
  EXPECT_EQ(id_of("erdogan"), "");  // case still counts
  EXPECT_EQ(StripDiacritics("Şişli Ærø Straße"), "Sisli AEro Strasse");
  // The digraph spelling English-language wires also use.
  EXPECT_EQ(id_of("Milo Djukanovic"), "milo-dukanovic");
  EXPECT_EQ(id_of("Milo Dukanovic"), "milo-dukanovic");
  EXPECT_EQ(id_of("Horst Koehler"), "horst-kohler");
  EXPECT_EQ(id_of("Horst Kohler"), "horst-kohler");
  EXPECT_EQ(DigraphSpelling("Đukanović Müller Søren Håkon"), "Djukanovic Mueller Soeren Haakon");
  EXPECT_EQ(DigraphSpelling("Erdoğan"), "Erdogan");
  EXPECT_GE((*kb)->MaxWordsFrom("Erdogan").alias, 1);
  EXPECT_GE((*kb)->MaxWordsFrom("Wałęsa").alias, 1);
  // A capital the ASCII folding does not lower ("Ł" of "Łódź" for "Lodz").
  EXPECT_GE((*kb)->MaxWordsFrom("Łech").alias, 1);
}

TEST(KnowledgeBaseTest, LookupsNormalizeAndPrefixLengths) {
  auto kb = Small();
  ASSERT_NE(kb, nullptr);
  // Typographic forms and stray spaces find the same entries.
  EXPECT_NE(kb->Find("Alice  One"), nullptr);
  EXPECT_NE(kb->Find(" Alice One"), nullptr);
  EXPECT_NE(kb->FindTitle("Prime\tMinister"), nullptr);
  EXPECT_EQ(kb->Find("Alice One "), kb->Find("Alice One"));
  // Longest alias / title by first word, case-insensitive.
  EXPECT_EQ(kb->MaxWordsFrom("alice").alias, 2);
  EXPECT_EQ(kb->MaxWordsFrom("Alice").alias, 2);
  EXPECT_EQ(kb->MaxWordsFrom("prime").title, 2);
  EXPECT_EQ(kb->MaxWordsFrom("prime").alias, 0);
  KnowledgeBase::WordsFrom from = kb->MaxWordsFrom("pm");
  EXPECT_EQ(from.title, 1);
  EXPECT_EQ(from.alias, 0);
  EXPECT_EQ(kb->MaxWordsFrom("nobody").title, 0);
}

TEST(KnowledgeBaseTest, InitialsAreOneWordHoweverSpaced) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"({"id": "pvnr", "name": "P. V. Narasimha Rao", "type": "PERSON", "kind": "person", "country": "IND"})",
       R"({"id": "jkr", "name": "J.K. Rowling", "type": "PERSON", "kind": "person", "country": "GBR"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  for (const char* written : {"P.V. Narasimha Rao", "P. V. Narasimha Rao"}) {
    const auto* m = (*kb)->Find(written);
    ASSERT_NE(m, nullptr) << written;
    EXPECT_EQ((*kb)->actor(m->front().actor).id, "pvnr");
  }
  const auto* m = (*kb)->Find("J. K. Rowling");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ((*kb)->actor(m->front().actor).id, "jkr");
  // A caller trying spans from either first token reaches the whole name.
  for (const char* first : {"P.V.", "P."}) {
    const std::string name = absl::StrCat(first, first[2] == 0 ? " V." : "", " Narasimha Rao");
    EXPECT_GE((*kb)->MaxWordsFrom(first).alias,
              static_cast<int>(text::Tokenize(name, 0, name.size()).size()))
        << first;
  }
  EXPECT_GE((*kb)->MaxWordsFrom("J.").alias, 4);
  // "Mr. A. Smith" keeps its space: "Mr." is no initial.
  EXPECT_EQ(KnowledgeBase::NormalizeKey("Mr. A. Smith"), "Mr. A. Smith");
}

TEST(KnowledgeBaseTest, AHyphenatedOrganisationNameIsFoundWithASpace) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"({"id": "zanu", "name": "ZANU-PF", "type": "ORGANIZATION", "kind": "party", "country": "ZWE", "aliases": ["Zanu-PF"]})",
       R"({"id": "gb", "name": "Guinea-Bissau", "type": "LOCATION", "kind": "country"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  for (const char* written : {"ZANU PF", "Zanu PF", "Zanu-PF"}) {
    const auto* m = (*kb)->Find(written);
    ASSERT_NE(m, nullptr) << written;
    EXPECT_EQ((*kb)->actor(m->front().actor).id, "zanu");
  }
  // Only organisations: places keep their hyphens.
  EXPECT_EQ((*kb)->Find("Guinea Bissau"), nullptr);
}

TEST(KnowledgeBaseTest, APersonsDoubleBarrelledNameIsFoundWithASpace) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"({"id": "kps", "name": "Kamla Persad-Bissessar", "type": "PERSON", "kind": "person", "country": "TTO"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  const auto* m = (*kb)->Find("Kamla Persad Bissessar");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ((*kb)->actor(m->front().actor).id, "kps");
}

TEST(KnowledgeBaseTest, AMongolianIsFoundByEveryFormOfHisPatronymic) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"({"id": "ub", "name": "Ukhnaagiin Khürelsükh", "type": "PERSON", "kind": "person", "country": "MNG"})",
       R"({"id": "cs", "name": "Chimediin Saikhanbileg", "type": "PERSON", "kind": "person", "country": "MNG"})",
       R"({"id": "nb", "name": "Nambaryn Enkhbayar", "type": "PERSON", "kind": "person", "country": "MNG"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  for (const auto& [written, id] : std::vector<std::pair<std::string, std::string>>{
           {"Ukhnaa Khürelsükh", "ub"}, {"Khürelsükh Ukhnaa", "ub"}, {"U. Khürelsükh", "ub"},
           {"U.Khürelsükh", "ub"}, {"Chimed Saikhanbileg", "cs"}, {"Enkhbayar Nambar", "nb"}}) {
    const auto* m = (*kb)->Find(written);
    ASSERT_NE(m, nullptr) << written;
    EXPECT_EQ((*kb)->actor(m->front().actor).id, id) << written;
  }
  const auto* plain = (*kb)->FindUnaccented("Khurelsukh Ukhnaa");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ((*kb)->actor(plain->front().actor).id, "ub");
}

TEST(KnowledgeBaseTest, AnArabicNameIsFoundByItsShorterChains) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"({"id": "sa", "name": "Saad Al-Abdullah Al-Salim Al-Sabah", "type": "PERSON", "kind": "person", "country": "KWT"})",
       R"({"id": "hj", "name": "Hamad bin Jassim bin Jaber Al Thani", "type": "PERSON", "kind": "person", "country": "QAT"})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  for (const auto& [written, id] : std::vector<std::pair<std::string, std::string>>{
           {"Saad Al-Abdullah", "sa"}, {"Saad Al-Abdullah Al-Sabah", "sa"},
           {"Hamad bin Jassim", "hj"}, {"Hamad bin Jassim Al Thani", "hj"}}) {
    const auto* m = (*kb)->Find(written);
    ASSERT_NE(m, nullptr) << written;
    EXPECT_EQ((*kb)->actor(m->front().actor).id, id) << written;
  }
  EXPECT_EQ((*kb)->Find("Saad Al-Salim"), nullptr);
}

TEST(KnowledgeBaseTest, AnOrganisationsBracketedQualifierIsLeftOutInText) {
  auto kb = KnowledgeBase::FromJsonLines(
      {R"j({"id": "sp-nld", "name": "Socialist Party (Netherlands)", "type": "ORGANIZATION", "kind": "party", "country": "NLD", "aliases": ["SP (Netherlands)"]})j",
       R"j({"id": "sp-prt", "name": "Socialist Party (Portugal)", "type": "ORGANIZATION", "kind": "party", "country": "PRT"})j",
       R"j({"id": "georgia-usa", "name": "Georgia (U.S. state)", "type": "LOCATION", "kind": "subdivision"})j"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  const auto* both = (*kb)->Find("Socialist Party");
  ASSERT_NE(both, nullptr);
  EXPECT_EQ(both->size(), 2u);  // the article's country tells them apart
  const auto* sp = (*kb)->Find("SP");
  ASSERT_NE(sp, nullptr);
  EXPECT_EQ((*kb)->actor(sp->front().actor).id, "sp-nld");
  // Only organisations: a place's qualifier may be what names it.
  EXPECT_EQ((*kb)->Find("Georgia"), nullptr);
}

TEST(KnowledgeBaseTest, PrefixLengthsCountTheTokenizersTokens) {
  // "Tigray People's Liberation Front" is five tokens ("People" "'s"), and
  // a caller trying spans from MaxWordsFrom down must reach them.
  const char* name = "Tigray People’s Liberation Front";
  auto kb = KnowledgeBase::FromJsonLines({absl::StrCat(
      R"({"id": "tplf", "name": ")", name, R"(", "type": "ORGANIZATION", "kind": "party", "country": "ETH"})")});
  ASSERT_TRUE(kb.ok()) << kb.status();
  const size_t tokens = text::Tokenize(name, 0, std::strlen(name)).size();
  EXPECT_EQ(tokens, 5u);
  EXPECT_GE((*kb)->MaxWordsFrom("Tigray").alias, static_cast<int>(tokens));
}

TEST(KnowledgeBaseTest, DatedOffices) {
  auto kb = Small();
  ASSERT_NE(kb, nullptr);
  auto holder = [&](const char* date) {
    int i = kb->OfficeHolder("prime-minister", "ISR", date);
    return i < 0 ? std::string("-") : kb->actor(i).id;
  };
  EXPECT_EQ(holder("2003-05-05"), "a-one");
  EXPECT_EQ(holder("2005-06-01"), "b-two");  // end is exclusive
  EXPECT_EQ(holder("2025-01-01"), "b-two");
  EXPECT_EQ(holder("1999-01-01"), "-");
  EXPECT_EQ(holder(""), "b-two");            // latest
  EXPECT_TRUE(kb->HeldTitle(kb->IndexOf("a-one"), "prime-minister", "2001-01-01"));
  EXPECT_FALSE(kb->HeldTitle(kb->IndexOf("a-one"), "prime-minister", "2010-01-01"));
}

// A title's "role" and "regnal" mark who speaks for a government and who
// reigns under a regnal name.
TEST(KnowledgeBaseTest, TitlesMarkGovernmentAndRegnal) {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "president", "kind": "title", "role": "government", "aliases": ["President"]})",
      R"({"id": "sultan", "kind": "title", "role": "government", "regnal": true, "aliases": ["Sultan"]})",
      R"({"id": "queen", "kind": "title", "regnal": true, "aliases": ["Queen"]})",
  });
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_TRUE((*kb)->IsGovernmentTitle("president"));
  EXPECT_FALSE((*kb)->IsRegnalTitle("president"));
  EXPECT_TRUE((*kb)->IsRegnalTitle("sultan"));
  EXPECT_TRUE((*kb)->IsRegnalTitle("queen"));
  EXPECT_FALSE((*kb)->IsGovernmentTitle("queen"));
}

// A surname that is some person's given name is not an alias: "Michael"
// in text starts another name far more often than it means Alun Michael.
TEST(KnowledgeBaseTest, GivenNamesAreNotSurnameAliases) {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "alun-michael", "name": "Alun Michael", "type": "PERSON"})",
      R"({"id": "michael-howard", "name": "Michael Howard", "type": "PERSON"})",
  });
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_EQ((*kb)->Find("Michael"), nullptr);
  ASSERT_NE((*kb)->Find("Howard"), nullptr);
  EXPECT_EQ((*kb)->actor((*kb)->Find("Howard")->front().actor).id, "michael-howard");
  EXPECT_EQ((*kb)->Find("Howard")->front().kind, AliasKind::kSurname);
}

// A compound surname joined by a particle is how news shortens the name,
// and so is the name without the particle's part.
TEST(KnowledgeBaseTest, ACompoundSurnameWithAParticleIsAnAlias) {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "cfk", "name": "Cristina Fernández de Kirchner", "type": "PERSON"})",
  });
  ASSERT_TRUE(kb.ok()) << kb.status();
  ASSERT_NE((*kb)->Find("Fernández de Kirchner"), nullptr);
  EXPECT_EQ((*kb)->Find("Fernández de Kirchner")->front().kind, AliasKind::kSurname);
  ASSERT_NE((*kb)->Find("Cristina Fernández"), nullptr);
  EXPECT_EQ((*kb)->Find("Cristina Fernández")->front().kind, AliasKind::kAlias);
}

// Not an Arabic family name with its article, hyphenated or spaced: the
// given and father's names before it are many people's ("Ahmed Hassan").
TEST(KnowledgeBaseTest, TheNamesBeforeAnArabicFamilyNameAreNoAlias) {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "bakr", "name": "Ahmed Hassan al-Bakr", "type": "PERSON"})",
      R"({"id": "mahdi", "name": "Kamal Ali el Mahdi", "type": "PERSON"})",
  });
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_EQ((*kb)->Find("Ahmed Hassan"), nullptr);
  EXPECT_EQ((*kb)->Find("Kamal Ali"), nullptr);
  ASSERT_NE((*kb)->Find("al-Bakr"), nullptr);
}

// Renders the actors a surface form names, in match order: "id/kind ...".
std::string Matches(const KnowledgeBase& kb, const char* surface, bool folded = false) {
  const auto* m = folded ? kb.FindFolded(surface) : kb.Find(surface);
  if (m == nullptr) return "-";
  std::string out;
  for (const AliasMatch& am : *m) {
    if (!out.empty()) out += " ";
    out += kb.actor(am.actor).id + "/" + std::to_string(static_cast<int>(am.kind));
  }
  return out;
}

std::unique_ptr<KnowledgeBase> World() {
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "governor", "kind": "title", "aliases": ["Governor", "governor"]})",
      R"({"id": "FRA", "name": "France", "type": "LOCATION", "kind": "country", "capitals": ["Paris"]})",
      R"({"id": "GEO", "name": "Georgia", "type": "LOCATION", "kind": "country"})",
      R"({"id": "labour-gbr", "name": "Labour Party", "type": "ORGANIZATION", "kind": "party", "country": "GBR", "aliases": ["Labour"]})",
      R"({"id": "labour-aus", "name": "Australian Labor Party", "type": "ORGANIZATION", "kind": "party", "country": "AUS", "aliases": ["Labor", "Labour"]})",
      R"({"id": "paris-usa-1", "name": "Paris", "type": "LOCATION", "kind": "city", "country": "USA", "population": 25000, "gazetteer": true})",
      R"({"id": "paris-fra-1", "name": "Paris", "type": "LOCATION", "kind": "city", "country": "FRA", "population": 2138551, "capital": true, "gazetteer": true})",
      R"({"id": "birmingham-usa-1", "name": "Birmingham", "type": "LOCATION", "kind": "city", "country": "USA", "population": 212237, "gazetteer": true})",
      R"({"id": "birmingham-gbr-1", "name": "Birmingham", "type": "LOCATION", "kind": "city", "country": "GBR", "population": 984333, "gazetteer": true})",
      R"({"id": "victoria-syc-1", "name": "Victoria", "type": "LOCATION", "kind": "city", "country": "SYC", "population": 22881, "capital": true, "gazetteer": true})",
      R"({"id": "victoria-can-1", "name": "Victoria", "type": "LOCATION", "kind": "city", "country": "CAN", "population": 289625, "gazetteer": true})",
      R"({"id": "US-GA", "name": "Georgia", "type": "LOCATION", "kind": "region", "country": "USA", "gazetteer": true})",
      R"({"id": "US-CA", "name": "California", "type": "LOCATION", "kind": "region", "country": "USA", "former_ids": ["california-usa"], "aliases": ["Calif."]})",
      R"({"id": "jane-roe", "name": "Jane Roe", "type": "PERSON", "offices": [{"title": "governor", "country": "US-CA", "start": "2019-01-07"}]})",
  });
  EXPECT_TRUE(kb.ok()) << kb.status();
  return kb.ok() ? std::move(*kb) : nullptr;
}

TEST(KnowledgeBaseTest, AmbiguousNamesRankByEvidenceThenProminence) {
  auto kb = World();
  ASSERT_NE(kb, nullptr);
  // The capital metonym (kCapital = 2) before the gazetteer cities (6); the
  // capital city before the Texan town.
  EXPECT_EQ(Matches(*kb, "Paris"), "FRA/2 paris-fra-1/6 paris-usa-1/6");
  // By population, whatever the load order.
  EXPECT_EQ(Matches(*kb, "Birmingham"), "birmingham-gbr-1/6 birmingham-usa-1/6");
  // A capital counts ten times its population, not more.
  EXPECT_EQ(Matches(*kb, "Victoria"), "victoria-can-1/6 victoria-syc-1/6");
  // A curated name outranks a gazetteer one.
  EXPECT_EQ(Matches(*kb, "Georgia"), "GEO/0 US-GA/6");
  EXPECT_EQ(Matches(*kb, "georgia", true), "GEO/0 US-GA/6");
  // Parties of several countries share a short name: all come back, in load
  // order, and the caller picks by country.
  EXPECT_EQ(Matches(*kb, "Labour"), "labour-gbr/1 labour-aus/1");
  EXPECT_EQ(kb->actor(kb->IndexOf("labour-aus")).country, "AUS");
  EXPECT_EQ(kb->actor(kb->IndexOf("paris-fra-1")).Prominence(), 21385510);
}

TEST(KnowledgeBaseTest, SubdivisionsOwnOfficesAndKeepFormerIds) {
  auto kb = World();
  ASSERT_NE(kb, nullptr);
  EXPECT_EQ(kb->IndexOf("california-usa"), kb->IndexOf("US-CA"));
  EXPECT_EQ(Matches(*kb, "California"), "US-CA/0");
  EXPECT_EQ(Matches(*kb, "Calif."), "US-CA/1");
  int governor = kb->OfficeHolder("governor", "US-CA", "2024-01-01");
  ASSERT_GE(governor, 0);
  EXPECT_EQ(kb->actor(governor).id, "jane-roe");
  EXPECT_EQ(kb->OfficeHolder("governor", "US-CA", "2018-01-01"), -1);
  // A former id taken by another entry is an error naming the line.
  auto clash = KnowledgeBase::FromJsonLines({
      R"({"id": "a", "name": "A", "type": "LOCATION"})",
      R"({"id": "b", "name": "B", "type": "LOCATION", "former_ids": ["a"]})"});
  ASSERT_FALSE(clash.ok());
  EXPECT_NE(clash.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(KnowledgeBase::FromJsonLines(
                   {R"({"id": "a", "name": "A", "type": "LOCATION", "population": -5})"})
                   .ok());
}

TEST(KnowledgeBaseTest, CuratedAliasesOfAGazetteerEntryAreStrong) {
  // An operator line that extends a gazetteer city gives it a curated alias.
  auto kb = KnowledgeBase::FromJsonLines({
      R"({"id": "lyon-fra-1", "name": "Lyon", "type": "LOCATION", "kind": "city", "country": "FRA", "gazetteer": true, "aliases": ["Lyons"]})",
      R"({"id": "lyon-fra-1", "aliases": ["Capitale des Gaules"]})"});
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_EQ(Matches(**kb, "Lyon"), "lyon-fra-1/6");
  EXPECT_EQ(Matches(**kb, "Lyons"), "lyon-fra-1/6");
  EXPECT_EQ(Matches(**kb, "Capitale des Gaules"), "lyon-fra-1/1");
}

TEST(KnowledgeBaseTest, ErrorsNameTheLine) {
  auto bad = KnowledgeBase::FromJsonLines({R"({"id": "x", "name": "X", "type": "PLANET"})"});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos);
  auto unknown_field = KnowledgeBase::FromJsonLines({R"({"id": "x", "colour": "red"})"});
  EXPECT_FALSE(unknown_field.ok());
  auto bad_title = KnowledgeBase::FromJsonLines(
      {R"({"id": "p", "name": "P Q", "type": "PERSON", "offices": [{"title": "emperor", "country": "ISR", "start": "2000-01-01"}]})"});
  EXPECT_FALSE(bad_title.ok());
}

TEST(KnowledgeBaseTest, LoadsBundledDataAndOperatorExtension) {
  std::string extra = ScratchPath("kb_extra.jsonl");
  {
    std::ofstream out(extra);
    out << R"({"id": "zelda-q", "name": "Zelda Quux", "type": "PERSON", "aliases": ["Z. Quux"]})" << "\n";
    out << R"({"id": "ISR", "aliases": ["Zion"]})" << "\n";
  }
  auto kb = KnowledgeBase::Load(DataDir() + "/kb", extra);
  ASSERT_TRUE(kb.ok()) << kb.status();
  EXPECT_GT((*kb)->actors().size(), 800u);
  int us_president = (*kb)->OfficeHolder("president", "USA", "2025-04-07");
  ASSERT_GE(us_president, 0);
  EXPECT_EQ((*kb)->actor(us_president).id, "donald-trump");
  EXPECT_EQ((*kb)->actor((*kb)->OfficeHolder("prime-minister", "GBR", "2019-01-01")).id,
            "theresa-may");
  EXPECT_EQ((*kb)->actor((*kb)->OfficeHolder("prime-minister", "ISR", "1997-01-01")).id,
            "benjamin-netanyahu");
  ASSERT_NE((*kb)->Find("Z. Quux"), nullptr);
  EXPECT_EQ((*kb)->actor((*kb)->Find("Zion")->front().actor).id, "ISR");
  EXPECT_EQ((*kb)->actor((*kb)->Find("U.S.")->front().actor).id, "USA");
  EXPECT_FALSE((*kb)->version().empty());
}

// The bundled office data answers bare titles by owner and date: the title
// a surface form names ("chancellor") is the same id everywhere, and the
// owner decides the office (head of government in DEU, the Chancellor of
// the Exchequer in GBR, who is also the GBR finance minister).
TEST(KnowledgeBaseTest, BundledOfficesAnswerBareTitles) {
  auto kb = KnowledgeBase::Load(DataDir() + "/kb", "");
  ASSERT_TRUE(kb.ok()) << kb.status();
  auto holder = [&](const char* surface, const char* owner, const char* date) {
    const std::string* title = (*kb)->FindTitle(surface);
    if (title == nullptr) return std::string("no title");
    int i = (*kb)->OfficeHolder(*title, owner, date);
    return i < 0 ? std::string("nobody") : (*kb)->actor(i).id;
  };
  EXPECT_EQ(holder("prime minister", "GBR", "2015-06-01"), "david-cameron");
  EXPECT_EQ(holder("chancellor", "DEU", "2015-06-01"), "angela-merkel");
  EXPECT_EQ(holder("chancellor", "AUT", "2015-06-01"), "werner-faymann");
  EXPECT_EQ(holder("chancellor", "GBR", "2015-06-01"), "george-osborne");
  EXPECT_EQ(holder("Chancellor of the Exchequer", "GBR", "2015-06-01"), "george-osborne");
  EXPECT_EQ(holder("Foreign Secretary", "GBR", "2015-06-01"), "philip-hammond");
  EXPECT_EQ(holder("Home Secretary", "GBR", "2015-06-01"), "theresa-may");
  EXPECT_EQ(holder("Defence Secretary", "GBR", "2015-06-01"), "michael-fallon");
  EXPECT_EQ(holder("Secretary of State", "USA", "2015-06-01"), "john-kerry");
  EXPECT_EQ(holder("foreign minister", "USA", "2015-06-01"), "john-kerry");
  EXPECT_EQ(holder("Treasury Secretary", "USA", "2015-06-01"), "jack-lew");
  EXPECT_EQ(holder("Premier", "CHN", "2015-06-01"), "li-keqiang");
  EXPECT_EQ(holder("Supreme Leader", "IRN", "2015-06-01"), "ali-khamenei");
  EXPECT_EQ(holder("Queen", "GBR", "2015-06-01"), "elizabeth-ii");
  EXPECT_EQ(holder("King", "GBR", "2023-06-01"), "charles-iii");
  EXPECT_EQ(holder("Emir", "QAT", "2015-06-01"), "tamim-bin-hamad-al-thani");
  // Sub-national executives: ISO 3166-2 owners; cities: UN/LOCODE owners.
  EXPECT_EQ(holder("First Minister", "GB-SCT", "2015-06-01"), "nicola-sturgeon");
  EXPECT_EQ(holder("Governor", "US-CA", "2015-06-01"), "jerry-brown");
  EXPECT_EQ(holder("Minister-President", "DE-BY", "2015-06-01"), "horst-seehofer");
  EXPECT_EQ(holder("Premier", "CA-ON", "2015-06-01"), "kathleen-wynne");
  EXPECT_EQ(holder("Mayor", "GBLON", "2015-06-01"), "boris-johnson");
  // A vacancy between holders has nobody.
  EXPECT_EQ(holder("President", "LBN", "2023-06-01"), "nobody");
  // The Leader of the Opposition, by any of its names; acting holders, a
  // handover and a vacancy (India's Lok Sabha had none from 2014 to 2024).
  EXPECT_EQ(holder("opposition leader", "GBR", "2015-06-01"), "harriet-harman");
  EXPECT_EQ(holder("leader of the opposition", "GBR", "2017-03-08"), "jeremy-corbyn");
  EXPECT_EQ(holder("Leader of the Opposition", "GBR", "2024-11-01"), "rishi-sunak");
  EXPECT_EQ(holder("Opposition leader", "GBR", "2024-11-02"), "kemi-badenoch");
  EXPECT_EQ(holder("Leader of the Official Opposition", "CAN", "2016-05-10"), "rona-ambrose");
  EXPECT_EQ(holder("opposition leader", "AUS", "2006-08-16"), "kim-beazley");
  EXPECT_EQ(holder("opposition leader", "NZL", "2007-05-17"), "john-key");
  EXPECT_EQ(holder("opposition leader", "IND", "2018-07-20"), "nobody");
  EXPECT_EQ(holder("opposition leader", "IND", "2024-07-01"), "rahul-gandhi");
}

TEST(KnowledgeBaseTest, BundledWorldData) {
  auto loaded = KnowledgeBase::Load(DataDir() + "/kb", "");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const KnowledgeBase& kb = **loaded;
  auto first = [&](const char* surface) -> std::string {
    const auto* m = kb.Find(surface);
    return m == nullptr ? "-" : kb.actor(m->front().actor).id;
  };
  // The first gazetteer place of a name is the most prominent one.
  auto first_city = [&](const char* surface) -> std::string {
    const auto* m = kb.Find(surface);
    if (m == nullptr) return "-";
    for (const AliasMatch& am : *m) {
      if (kb.actor(am.actor).kind == "city") return kb.actor(am.actor).country;
    }
    return "-";
  };
  EXPECT_GT(kb.actors().size(), 25000u);
  // ISO 3166-2 subdivisions, under their codes and their former hand ids.
  EXPECT_EQ(first("California"), "US-CA");
  EXPECT_EQ(kb.IndexOf("california-usa"), kb.IndexOf("US-CA"));
  EXPECT_EQ(kb.IndexOf("scotland"), kb.IndexOf("GB-SCT"));
  EXPECT_EQ(kb.actor(kb.IndexOf("DE-BY")).name, "Bavaria");
  // A head of state's press nickname is their alias.
  EXPECT_EQ(first("Madiba"), "nelson-mandela");
  EXPECT_EQ(first("Erap"), "joseph-estrada");
  // Curated names keep their meaning over the gazetteer.
  EXPECT_EQ(first("Washington"), "USA");
  EXPECT_EQ(first("Georgia"), "GEO");
  EXPECT_EQ(first("Paris"), "FRA");
  EXPECT_EQ(first("Birmingham"), "birmingham-gbr");
  EXPECT_EQ(kb.Find("Split")->front().kind, AliasKind::kGazetteer);
  // Ranking among places of one name.
  EXPECT_EQ(first_city("Paris"), "FRA");
  EXPECT_EQ(first_city("Birmingham"), "USA");  // the British one is curated
  EXPECT_EQ(first_city("Tripoli"), "LBY");
  EXPECT_EQ(first_city("Hamilton"), "CAN");
  // Parties: short names shared across countries all come back.
  const auto* labour = kb.Find("Labour");
  ASSERT_NE(labour, nullptr);
  EXPECT_EQ(kb.actor(labour->front().actor).id, "labour-party");
  std::string countries;
  for (const AliasMatch& am : *labour) countries += kb.actor(am.actor).country + " ";
  EXPECT_NE(countries.find("NZL"), std::string::npos) << countries;
  EXPECT_EQ(kb.actor(kb.IndexOf("likud")).kind, "party");
}

// Every bundled entry's country is itself an entry (an ISO alpha-3 country
// or a historic state), so "expand a country" finds its actors.
TEST(KnowledgeBaseTest, BundledCountriesAreKnown) {
  auto kb = KnowledgeBase::Load(DataDir() + "/kb", "");
  ASSERT_TRUE(kb.ok()) << kb.status();
  std::string unknown;
  for (const KbActor& a : (*kb)->actors()) {
    if (!a.country.empty() && (*kb)->IndexOf(a.country) < 0) {
      unknown += a.id + ":" + a.country + " ";
    }
  }
  EXPECT_EQ(unknown, "");
}

// The operator examples of knowledge/README.md load on top of the bundled
// data and do what the README says.
TEST(KnowledgeBaseTest, ReadmeOperatorExamplesLoad) {
  std::ifstream readme(DataDir() + "/README.md");
  ASSERT_TRUE(readme.good());
  std::string extra = ScratchPath("readme_extra.jsonl");
  std::ofstream out(extra);
  std::string line;
  bool in_json = false;
  int lines = 0;
  while (std::getline(readme, line)) {
    if (line == "```json") {
      in_json = true;
    } else if (line == "```") {
      in_json = false;
    } else if (in_json) {
      out << line << "\n";
      ++lines;
    }
  }
  out.close();
  ASSERT_GE(lines, 3);
  auto kb = KnowledgeBase::Load(DataDir() + "/kb", extra);
  ASSERT_TRUE(kb.ok()) << kb.status();
  int person = (*kb)->IndexOf("maria-example");
  ASSERT_GE(person, 0);
  EXPECT_EQ((*kb)->OfficeHolder("foreign-minister", "PRT", "2026-05-01"), person);
  ASSERT_NE((*kb)->Find("ExEn"), nullptr);
  ASSERT_NE((*kb)->Find("Alba"), nullptr);
  EXPECT_EQ((*kb)->actor((*kb)->Find("Alba")->front().actor).id, "GB-SCT");
}

TEST(KnowledgeBaseTest, MissingFolderIsNotFound) {
  EXPECT_EQ(KnowledgeBase::Load("/nonexistent/kb", "").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace claims
