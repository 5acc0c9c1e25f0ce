import { ActionIcon, Badge, Button, Drawer, InputWrapper, Modal, NavLink, Table, Tooltip, createTheme, rem, type MantineColorsTuple } from '@mantine/core';

/** A muted, slightly grey blue: calm for a screen people look at all day. */
const steel: MantineColorsTuple = ['#eef3f8', '#dde6f0', '#bccbde', '#98aecb', '#7893b8', '#6483ad', '#557aa6', '#446791', '#395b82', '#2a4a6f'];

export const theme = createTheme({
  primaryColor: 'steel',
  primaryShade: 7,
  colors: { steel },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontSizes: { xs: rem(12), sm: rem(13), md: rem(14), lg: rem(16), xl: rem(18) },
  lineHeights: { xs: '1.35', sm: '1.4', md: '1.45', lg: '1.5', xl: '1.55' },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: rem(20), lineHeight: '1.3' },
      h2: { fontSize: rem(17), lineHeight: '1.3' },
      h3: { fontSize: rem(15), lineHeight: '1.35' },
      h4: { fontSize: rem(14), lineHeight: '1.4' },
    },
  },
  components: {
    // Hints under the input keep the inputs of a row aligned whatever the hint's length.
    InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
    Button: Button.extend({ defaultProps: { size: 'sm' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { variant: 'subtle', color: 'gray' } }),
    Badge: Badge.extend({ defaultProps: { variant: 'light', radius: 'sm', size: 'sm' }, styles: { root: { textTransform: 'none', fontWeight: 500 } } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 300, withArrow: true, multiline: true, maw: 420 } }),
    Drawer: Drawer.extend({ defaultProps: { position: 'right', size: 480, padding: 'md' } }),
    Modal: Modal.extend({ defaultProps: { centered: true } }),
    NavLink: NavLink.extend({ styles: { label: { fontSize: rem(14) } } }),
    Table: Table.extend({ defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'xs' } }),
  },
});
