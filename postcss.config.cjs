// Mantine's CSS uses mixins and rem helpers that postcss-preset-mantine expands.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
