/* Material's search worker, with English query words stemmed before they are looked up.

   The index is built with lunr's stemmer ("volunteers" is stored as "volunt"), but Material
   sends every query word as a prefix ("volunteers*"), and lunr does not stem prefixes, so
   "guides", "tests" or "volunteering" found nothing. Stemming the words here makes the
   prefix match the stored stems. The lazy-search loader starts this file in place of
   Material's worker and passes that worker's address after the "#". */
var stemQueries = false;
self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === 0 && message.data && message.data.config) {
    stemQueries = (message.data.config.pipeline || []).indexOf("stemmer") >= 0;
  } else if (message.type === 2 && stemQueries && typeof message.data === "string" && self.lunr) {
    message.data = message.data.replace(/[A-Za-z]{3,}/g, function (word) {
      return self.lunr.stemmer(new self.lunr.Token(word.toLowerCase())).toString();
    });
  }
});
importScripts(decodeURIComponent(self.location.hash.slice(1)));
