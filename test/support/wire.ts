/**
 * An invented wire story in the layout of the Reuters-21578 archive: hard-wrapped at about 60
 * characters, paragraphs indented, a blank line before the closing "Reuter". Written for the tests.
 */
export const WRAPPED_WIRE =
  'Shares of Harbor Lights Media rose almost three points on\nTuesday after its vice chairman and an investment group said\nthey would raise their offer for the company.\n    Dudley Marsh, the company\'s vice chairman, and Brightwater\nPartners Inc said they sent a letter to the board, stating\nthey were committed to buying the company at a higher price.\n    Trading was heavy, and several arbitragers said they would\nwait for the board to respond before buying more shares.\n    Peter Lowell, an analyst with Ridge and Co, said\nhe had expected a higher bid from the group for some weeks.\n    Brightwater Partners Inc declined to comment on the letter.\n    \n Reuter';
