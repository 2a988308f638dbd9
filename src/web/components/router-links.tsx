import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

// Mantine's `component={Link}` loses the router's typing of `params` and `search`; createLink
// keeps it, so a link to /tasks/$taskId without its taskId is a type error, not a broken link.

type AnchorLinkBaseProps = Omit<AnchorProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement>;
const AnchorLinkBase = forwardRef<HTMLAnchorElement, AnchorLinkBaseProps>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const CreatedAnchorLink = createLink(AnchorLinkBase);
export const AnchorLink: LinkComponent<typeof AnchorLinkBase> = (props) => <CreatedAnchorLink {...props} />;

type ButtonLinkBaseProps = Omit<ButtonProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement>;
const ButtonLinkBase = forwardRef<HTMLAnchorElement, ButtonLinkBaseProps>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
const CreatedButtonLink = createLink(ButtonLinkBase);
export const ButtonLink: LinkComponent<typeof ButtonLinkBase> = (props) => <CreatedButtonLink {...props} />;
