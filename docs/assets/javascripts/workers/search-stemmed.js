// Material's search worker, loaded unchanged, with word endings understood.
//
// Material adds a wildcard to every typed word, so that "vräkn" finds
// "vräkningar"; lunr then skips the language's stemmer for that word, and a
// stemmed index would miss it. Here each wildcard word is stemmed first and
// keeps its wildcard, so "hyresvärdarna" finds "hyresvärdar" and
// "vräkningar" finds "vräkning". overrides/main.html points Material here.
// The file name below is Material's: change it when Material's changes
// (tests/test_site.py fails until then).
importScripts("search.a7633da7.min.js");

(function () {
  "use strict";
  lunr.Index.prototype.search = function (queryString) {
    var index = this;
    return this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
      query.clauses.forEach(function (clause) {
        var leading = clause.term.charAt(0) === "*";
        var trailing = clause.term.length > 1 && clause.term.slice(-1) === "*";
        if (!leading && !trailing) return;
        var word = clause.term.slice(leading ? 1 : 0, trailing ? -1 : undefined);
        // The index's search pipeline: the stemmer of the page's language.
        var stems = index.pipeline.runString(word);
        if (stems.length) clause.term = (leading ? "*" : "") + stems[0] + (trailing ? "*" : "");
      });
    });
  };
})();
