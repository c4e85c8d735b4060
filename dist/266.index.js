exports.id = 266;
exports.ids = [266];
exports.modules = {

/***/ 5266:
/***/ ((module) => {

module.exports = eval("require")("node-fetch");


/***/ })

};
;