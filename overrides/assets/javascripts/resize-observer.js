/* A small ResizeObserver for old phone browsers (some WeChat builds) that lack one.
   Material's bundle loads it only when window.ResizeObserver is missing; it used to
   come from unpkg.com, which is often unreachable in mainland China. */
(function () {
  if (window.ResizeObserver) return;
  function Observer(callback) {
    var self = this;
    this.callback = callback;
    this.items = [];
    this.check = function () {
      var entries = [];
      self.items.forEach(function (item) {
        var rect = item.target.getBoundingClientRect();
        if (rect.width !== item.width || rect.height !== item.height) {
          item.width = rect.width;
          item.height = rect.height;
          var size = [{ inlineSize: rect.width, blockSize: rect.height }];
          entries.push({ target: item.target, contentRect: rect,
                         borderBoxSize: size, contentBoxSize: size });
        }
      });
      if (entries.length) self.callback(entries, self);
    };
    window.addEventListener("resize", this.check);
    this.timer = setInterval(this.check, 400);
  }
  Observer.prototype.observe = function (target) {
    this.items.push({ target: target, width: -1, height: -1 });
    setTimeout(this.check, 0);
  };
  Observer.prototype.unobserve = function (target) {
    this.items = this.items.filter(function (item) { return item.target !== target; });
  };
  Observer.prototype.disconnect = function () {
    this.items = [];
    clearInterval(this.timer);
    window.removeEventListener("resize", this.check);
  };
  window.ResizeObserver = Observer;
})();
