// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import {IStablecoin, INavFeedView, IFundToken, IIdentityRegistryVerify, IModularComplianceCheck} from "./SettlementInterfaces.sol";

/// @title What the subscription and redemption contracts share: the fund token, the stablecoin,
/// the NAV feed with its guards, the investor checks, a pause and per-UTC-day counters.
/// @dev Prices: units = usdc × 10^D × 10^F / (10^S × nav) and usdc = units × nav × 10^S / (10^D × 10^F)
/// (D unit decimals, S stablecoin decimals, F feed decimals), both rounded DOWN: the fund never
/// issues units worth more than it received, never pays more than the units are worth.
abstract contract SettlementBase {
    IFundToken public immutable token;
    IStablecoin public immutable stablecoin;
    INavFeedView public immutable navFeed;
    address public immutable owner;

    uint256 private immutable unitScale;
    uint256 private immutable stablecoinScale;
    uint256 private immutable navScale;

    /// @notice A NAV older than this (seconds) is stale: nothing is priced on it.
    uint256 public maxNavAge;
    /// @notice Smallest NAV answer (feed decimals) accepted: guards against a fat-fingered publication.
    int256 public minNav;
    bool public paused;

    event NavGuardsSet(uint256 maxNavAge, int256 minNav);
    event Paused(bool paused);

    error NotOwner();
    error ContractPaused();
    error TokenPaused();
    error NotVerified(address investor);
    error WalletFrozen(address investor);
    error ComplianceRefused(address investor, uint256 units);
    error NavStale(uint80 round, uint256 updatedAt, uint256 maxNavAge);
    error NavBelowMinimum(int256 answer, int256 minNav);
    error ZeroAmount();
    error Slippage(uint256 got, uint256 minimum);

    constructor(address token_, address stablecoin_, address navFeed_, uint256 maxNavAge_, int256 minNav_) {
        owner = msg.sender;
        token = IFundToken(token_);
        stablecoin = IStablecoin(stablecoin_);
        navFeed = INavFeedView(navFeed_);
        unitScale = 10 ** IFundToken(token_).decimals();
        stablecoinScale = 10 ** IStablecoin(stablecoin_).decimals();
        navScale = 10 ** INavFeedView(navFeed_).decimals();
        maxNavAge = maxNavAge_;
        minNav = minNav_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier whenOpen() {
        if (paused) revert ContractPaused();
        if (token.paused()) revert TokenPaused();
        _;
    }

    function setNavGuards(uint256 maxNavAge_, int256 minNav_) external onlyOwner {
        maxNavAge = maxNavAge_;
        minNav = minNav_;
        emit NavGuardsSet(maxNavAge_, minNav_);
    }

    function setPaused(bool paused_) external onlyOwner {
        paused = paused_;
        emit Paused(paused_);
    }

    /// @notice The latest NAV round, refused when stale or below the minimum.
    function currentNav() public view returns (uint80 round, uint256 nav) {
        (uint80 r, int256 answer,, uint256 updatedAt,) = navFeed.latestRoundData();
        if (answer < minNav || answer <= 0) revert NavBelowMinimum(answer, minNav);
        if (updatedAt + maxNavAge < block.timestamp) revert NavStale(r, updatedAt, maxNavAge);
        return (r, uint256(answer));
    }

    function unitsFor(uint256 stablecoinAmount, uint256 nav) public view returns (uint256) {
        return (stablecoinAmount * unitScale * navScale) / (stablecoinScale * nav);
    }

    function stablecoinFor(uint256 units, uint256 nav) public view returns (uint256) {
        return (units * nav * stablecoinScale) / (unitScale * navScale);
    }

    /// @dev The identity registry's verdict (KYC claim, registration) and the wallet freeze.
    function _checkInvestor(address investor) internal view {
        if (!IIdentityRegistryVerify(token.identityRegistry()).isVerified(investor)) revert NotVerified(investor);
        if (token.isFrozen(investor)) revert WalletFrozen(investor);
    }

    function _today() internal view returns (uint256) {
        return block.timestamp / 1 days;
    }
}
