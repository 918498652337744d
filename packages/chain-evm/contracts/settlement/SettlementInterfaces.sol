// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

/// @dev The settlement stablecoin as our contracts use it: ERC-20 + EIP-2612 (USDC, FiscusUSDC).
interface IStablecoin {
    function decimals() external view returns (uint8);
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function allowance(address holder, address spender) external view returns (uint256);
    function permit(address holder, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
}

/// @dev FiscusNavFeed, read like a Chainlink AggregatorV3Interface.
interface INavFeedView {
    function decimals() external view returns (uint8);
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}

/// @dev The ERC-3643 (T-REX v4) token functions the settlement contracts call, declared here so our
/// code imports no T-REX source. Selectors match T-REX's IToken exactly; mint and burn need the
/// caller to be one of the token's agents.
interface IFundToken {
    function decimals() external view returns (uint8);
    function paused() external view returns (bool);
    function isFrozen(address wallet) external view returns (bool);
    function getFrozenTokens(address wallet) external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function identityRegistry() external view returns (address);
    function compliance() external view returns (address);
    function mint(address to, uint256 amount) external;
    function burn(address from, uint256 amount) external;
}

interface IIdentityRegistryVerify {
    function isVerified(address wallet) external view returns (bool);
}

interface IModularComplianceCheck {
    function canTransfer(address from, address to, uint256 amount) external view returns (bool);
}
