// Material's search worker, loaded unchanged, with word endings understood.
//
// Material adds a wildcard to every typed word, so that "vräkn" finds
// "vräkningar"; lunr then skips the language's stemmer for that word, and a
// stemmed index would miss it. Here each wildcard word is stemmed first and
// keeps its wildcard, so "hyresvärdarna" finds "hyresvärdar" and
// "vräkningar" finds "vräkning". overrides/main.html points Material here.
// The file name below is Material's: change it when Material's changes
// (tests/test_material_version.py fails until then).
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

// Material marks a typed word as missing ("Saknas: vräkningen") unless a word of the
// hit starts with it as typed; the hit's words are stems ("vräkning"). So the words
// Material checks are stemmed by the index's own pipeline, as the search itself is.
(function () {
  "use strict";
  var current = null;
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () { return (current = build.apply(this, arguments)); };
  var load = lunr.Index.load;
  lunr.Index.load = function () { return (current = load.apply(this, arguments)); };
  var searching = false;
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function () {
    searching = true;
    try { return search.apply(this, arguments); } finally { searching = false; }
  };
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.apply(this, arguments);
    // The search above stems its own words; only Material's check of missing words is changed here.
    if (searching || !current) return query;
    this.query.clauses.forEach(function (clause) {
      var word = clause.term.replace(/^\*|\*$/g, "");
      var stems = current.pipeline.runString(word);
      if (stems.length) clause.term = clause.term.replace(word, stems[0]);
    });
    return query;
  };
})();
